import es from "../src/i18n/locales/es.json" with { type: "json" };
import fr from "../src/i18n/locales/fr.json" with { type: "json" };

/** The languages besides English, chosen by the browser's language, with the app's own texts. */
export const LANGUAGES = [
  { locale: "es-ES", lang: "es", strings: es },
  { locale: "fr-FR", lang: "fr", strings: fr },
] as const;

export type Strings = typeof es;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The app's string for a key, `{{placeholders}}` filled in, as i18next shows it. */
export function translator(strings: Strings): Translate {
  return (key, values = {}) => {
    const text = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
    if (typeof text !== "string") throw new Error(`No string for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`No value for {{${name}}} in ${key}`);
      return String(values[name]);
    });
  };
}
