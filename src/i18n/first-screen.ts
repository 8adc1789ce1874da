import { useSyncExternalStore } from "react";
import core from "./locales/en/core.json";

/**
 * The first screen's strings without i18next (decision 027): Sign In translates through this small
 * function over its language's strings, and i18next (`./index`) loads with the first later page,
 * then translates for every component, this one's included. Its `useTranslation` is
 * react-i18next's for what the first screen uses (`t`).
 */
type Strings = { [key: string]: string | Strings };
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const languages = import.meta.glob<{ default: Strings }>("./locales/*.json");

/** The browser's language, where the app has it; else English. */
export function browserLanguage(): string {
  const preferred = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2);
  return `./locales/${preferred}.json` in languages ? preferred : "en";
}

function lookup(strings: Strings, key: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/**
 * i18next's rules as the first screen's strings use them: a context (`key_minutes`), a plural
 * (`key_one`), `{{value}}`, English where the language has no words, else the default value.
 */
export function translator(language: string, strings: Strings): Translate {
  const plurals = new Intl.PluralRules(language);
  const find = (key: string) => lookup(strings, key) ?? lookup(core, key);
  return (key, options = {}) => {
    const { context, count, defaultValue } = options;
    const keys = typeof context === "string" && context ? [`${key}_${context}`, key] : [key];
    const plural = (k: string) =>
      typeof count === "number" ? find(`${k}_${plurals.select(count)}`) : undefined;
    const text =
      keys.map((k) => plural(k) ?? find(k)).find((found) => found !== undefined) ??
      (typeof defaultValue === "string" ? defaultValue : key);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) =>
      options[name] === undefined ? placeholder : String(options[name]),
    );
  };
}

let current = { language: "en", t: translator("en", core) };
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** What translates from now on (i18next's `t` once it has loaded); every screen shows it. */
export function setTranslator(language: string, t: Translate): void {
  current = { language, t };
  listeners.forEach((listener) => listener());
}

export function currentLanguage(): string {
  return current.language;
}

export function useTranslation(): { t: Translate } {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}

let i18nextLanguage: ((language: string) => Promise<void>) | null = null;

/** Once i18next has loaded, it changes the language (and with it this module's translator). */
export function handOverLanguage(setLanguage: (language: string) => Promise<void>): void {
  i18nextLanguage = setLanguage;
}

/** The first screen's language: its strings, without i18next unless it has loaded already. */
export async function startLanguage(language: string): Promise<void> {
  const handedOver = () => i18nextLanguage;
  const i18nextFirst = handedOver();
  if (i18nextFirst) return i18nextFirst(language);
  const loader = languages[`./locales/${language}.json`];
  const next = loader ? language : "en";
  const strings = loader ? (await loader()).default : core;
  // i18next may have loaded meanwhile (the passkey button's chunk): it must change language too.
  const i18nextSince = handedOver();
  if (i18nextSince) return i18nextSince(next);
  setTranslator(next, translator(next, strings));
  if (!import.meta.env.SSR) document.documentElement.lang = next;
}
