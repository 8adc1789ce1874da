import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { currentLanguage, handOverLanguage, languages, setTranslator } from "./first-screen";
import core from "./locales/en/core.json";

/**
 * i18next, loaded with the first page after Sign In (whose first screen translates without it,
 * `./first-screen`, decision 027) and by the build's prerender. It starts with the English strings
 * of the first screen (locales/en/core.json); the strings of the other areas load with those areas'
 * pages (lazyPage), and other languages when chosen. The default follows the browser, as the guide
 * says ("automatically set by your browser").
 */
const loadEnglishAreas = () => import("./locales/en/areas.json");

void i18n.use(initReactI18next).init({
  // A copy: adding the areas' strings later merges into it, and must not change the module.
  resources: { en: { translation: structuredClone(core) } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

// It goes on in the language the first screen is in; from then on it translates every screen.
const started = setLanguage(currentLanguage());
handOverLanguage(setLanguage);

let englishAreas: Promise<void> | null = null;

/** The English strings of every area beyond sign-in (also the fallback of other languages). */
export function loadAreaStrings(): Promise<void> {
  englishAreas ??= Promise.all([loadEnglishAreas(), started]).then(([{ default: areas }]) => {
    i18n.addResourceBundle("en", "translation", areas, true, false);
  });
  return englishAreas;
}

/** Switches the whole app to a language, loading its strings first; dates follow it too. */
export async function setLanguage(language: string): Promise<void> {
  const loader = languages[`./locales/${language}.json`];
  if (loader && !i18n.hasResourceBundle(language, "translation")) {
    i18n.addResourceBundle(language, "translation", (await loader()).default);
  }
  const next = loader ? language : "en";
  await i18n.changeLanguage(next);
  setTranslator(next, (key, options) => i18n.t(key, options));
  if (!import.meta.env.SSR) document.documentElement.lang = next;
}

export default i18n;

/**
 * Every date the app shows: in the user's language, with a four-digit year ("dateStyle: short"
 * gives "11/21/26", which reads as a day or a century), e.g. "11/21/2026, 3:24:14 PM".
 */
export function formatDateTime(iso: string, language = i18n.language): string {
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
}
