import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import core from "./locales/en/core.json";
import areas from "./locales/en/areas.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";

/**
 * Every language holds every English text, with the same placeholders, really translated; and
 * every key the code asks for exists in English. English is split in two files (core + areas);
 * the other languages are one file each holding the whole tree.
 */

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep merge of two trees; lists the paths present in both (English keeps each key in one file). */
function merge(a: Tree, b: Tree, path = "", clashes: string[] = []): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const here = path ? `${path}.${key}` : key;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (isTree(existing) && isTree(value)) out[key] = merge(existing, value, here, clashes);
    else clashes.push(here);
  }
  return out;
}

/** Every leaf of a tree by its dotted path (leaves may be any non-object value). */
function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isTree(value)) for (const [p, v] of leaves(value, path)) out.set(p, v);
    else out.set(path, value);
  }
  return out;
}

/** The node at a dotted path, or undefined. */
function nodeAt(tree: Tree, path: string): unknown {
  let node: unknown = tree;
  for (const part of path.split(".")) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

const clashes: string[] = [];
const english = merge(core, areas, "", clashes);
const englishLeaves = leaves(english);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** English keys ending in a plural suffix whose base has an `_other` form: the plural bases. */
const pluralBases = new Set(
  [...englishLeaves.keys()]
    .filter((key) => PLURAL_SUFFIX.test(key))
    .map((key) => key.replace(PLURAL_SUFFIX, ""))
    .filter((base) => englishLeaves.has(`${base}_other`)),
);

const pluralCategories = (language: string) =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** The leaf keys a language must have, each with the English key its text translates. */
function expectedKeys(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of englishLeaves.keys()) {
    const base = key.replace(PLURAL_SUFFIX, "");
    if (!pluralBases.has(base)) out.set(key, key);
  }
  for (const base of pluralBases) {
    for (const category of pluralCategories(language)) {
      const englishKey = englishLeaves.has(`${base}_${category}`)
        ? `${base}_${category}`
        : `${base}_other`;
      out.set(`${base}_${category}`, englishKey);
    }
  }
  return out;
}

/** The `{{...}}` placeholders of a text, sorted (so names and counts both matter). */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]).sort();

/** Names, addresses and numbers that stay exactly as in English wherever English has them. */
const KEPT_AS_IS = [
  "FINRA",
  "TRAQS",
  "Okta",
  "Okta Verify",
  "Google Authenticator",
  "NASDAQ",
  "NTF",
  "PDM",
  "SMS",
  "InActive",
  "finraoperations@finra.org",
  "1-866-776-0800 option 2",
  "212-231-5180 option 4",
];

const languages: [string, Tree][] = [
  ["es", es],
  ["fr", fr],
];

it("English core and areas never hold the same key", () => {
  expect(clashes).toEqual([]);
});

describe.each(languages)("%s translation", (language, tree) => {
  const actual = leaves(tree);
  const expected = expectedKeys(language);
  const pairs = [...expected]
    .filter(([key]) => actual.has(key))
    .map(([key, englishKey]) => ({
      key,
      text: actual.get(key),
      english: englishLeaves.get(englishKey) as string,
    }));

  it("has every English key (with all of its plural forms) and no other", () => {
    const missing = [...expected.keys()].filter((key) => !actual.has(key));
    const extra = [...actual.keys()].filter((key) => !expected.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("has a non-empty string for every key", () => {
    const bad = [...actual].filter(([, v]) => typeof v !== "string" || v.trim() === "");
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it("keeps exactly the placeholders of English", () => {
    const wrong = pairs
      .filter(({ text }) => typeof text === "string")
      .filter(
        ({ text, english }) => placeholders(text as string).join() !== placeholders(english).join(),
      )
      .map(({ key, text, english }) => ({ key, text, english }));
    expect(wrong).toEqual([]);
  });

  it("translates at least 90% of the texts", () => {
    const same = pairs.filter(({ text, english }) => text === english).map(({ key }) => key);
    expect(pairs.length).toBeGreaterThan(0);
    expect(
      1 - same.length / pairs.length,
      `untranslated: ${same.join(", ")}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps product names, addresses and phone numbers untranslated", () => {
    const lost = pairs.flatMap(({ key, text, english }) =>
      KEPT_AS_IS.filter((term) => english.includes(term) && !String(text).includes(term)).map(
        (term) => `${key}: ${term}`,
      ),
    );
    expect(lost).toEqual([]);
  });

  it('quotes UI labels with the same words the label has elsewhere (e.g. "Unlock account?")', () => {
    const inconsistent: string[] = [];
    for (const { key, text, english } of pairs) {
      for (const [, quoted] of english.matchAll(/"([^"]+)"/g)) {
        const labelKeys = [...englishLeaves]
          .filter(([other, value]) => other !== key && value === quoted)
          .map(([other]) => other);
        if (labelKeys.length === 0) continue; // a label of another app, or a status like "InActive"
        const labels = labelKeys
          .map((other) => actual.get(other))
          .filter((v) => typeof v === "string");
        if (!labels.some((label) => String(text).includes(label as string)))
          inconsistent.push(
            `${key} should quote ${labels.map((l) => JSON.stringify(l)).join(" or ")}`,
          );
      }
    }
    expect(inconsistent).toEqual([]);
  });
});

it("French puts a non-breaking space before ? ! : ; and inside « »", () => {
  const bad = [...leaves(fr)]
    .filter(([, text]) => /[^\u00a0][?!:;»]|«[^\u00a0]/.test(String(text)))
    .map(([key, text]) => `${key}: ${String(text)}`);
  expect(bad).toEqual([]);
});

describe("keys used in the code", () => {
  const srcDir = fileURLToPath(new URL("..", import.meta.url));
  const sources = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => ({ file, text: readFileSync(join(srcDir, file), "utf8") }));

  const usages = (pattern: RegExp) =>
    sources.flatMap(({ file, text }) =>
      [...text.matchAll(pattern)].map((m) => ({ file, key: m[1] as string })),
    );

  it("finds source files to scan", () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  it('has an English text for every t("literal.key")', () => {
    // \b keeps calls like params.get("from") out; a plural key may be used without its suffix.
    const used = usages(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g);
    expect(used.length).toBeGreaterThan(0);
    const missing = used
      .filter(({ key }) => {
        const node = nodeAt(english, key);
        if (typeof node === "string") return false;
        return !(
          typeof nodeAt(english, `${key}_one`) === "string" &&
          typeof nodeAt(english, `${key}_other`) === "string"
        );
      })
      .map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it("has an English group for every t(`prefix.${...}`)", () => {
    const used = usages(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g);
    expect(used.length).toBeGreaterThan(0);
    const missing = used
      .filter(({ key }) => !isTree(nodeAt(english, key)))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });
});
