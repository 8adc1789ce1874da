import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { translator } from "./first-screen";
import core from "./locales/en/core.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";

type Strings = { [key: string]: string | Strings };
const keys = (node: Strings, prefix = ""): string[] =>
  Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );

// Every option the first screen passes (describeError's included), so that each rule is exercised.
const options = [
  undefined,
  { seconds: 20, minutes: 1, skewMinutes: 3, direction: "ahead", environment: "TEST" },
  { seconds: 3330, minutes: 56, context: "minutes", defaultValue: "From the server" },
  { count: 1 },
  { count: 5 },
];

describe("the first screen's translate function", () => {
  it.each([
    ["en", core],
    ["es", es],
    ["fr", fr],
  ] as const)("says every first-screen string as i18next does, in %s", async (language, all) => {
    const i18n = createInstance();
    await i18n.init({
      resources: { en: { translation: core }, [language]: { translation: all } },
      lng: language,
      fallbackLng: "en",
      interpolation: { escapeValue: false },
    });
    const t = translator(language, all as Strings);
    const base = [...new Set(keys(core).map((key) => key.replace(/_(one|other|minutes)$/, "")))];
    for (const key of [...base, "errors.NOT_A_CODE"])
      for (const option of options)
        expect(t(key, option), `${key} ${JSON.stringify(option)}`).toBe(i18n.t(key, option));
  });
});
