import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist",
      "dist-server",
      "dist-bench",
      "public/mockServiceWorker.js",
      "playwright-report",
      "test-results",
      "reports",
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Features stand alone: one feature never reaches into another's files (shared code lives in
    // src/components, src/api, src/config, src/i18n). The mock backend is never imported by the app,
    // except through the one dynamic import that starts it.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/features/*/**", "!./**"],
              message: "Import another feature only through src/app.",
            },
          ],
        },
      ],
    },
  },
  {
    // The layers of src/components (decision 018): UI primitives know neither the layouts of the
    // signed-in app nor the verification flow; the verification flow knows no layout.
    files: ["src/components/ui/**/*.{ts,tsx}", "src/components/verification/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/features/*/**"], message: "Shared code never imports a feature." },
            { group: ["**/layouts/**"], message: "A layout is not a primitive: see decision 018." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/components/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/features/*/**"], message: "Shared code never imports a feature." },
            { group: ["**/layouts/**", "**/verification/**"], message: "See decision 018." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/main.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["scripts/**", "mocks/server.ts", "examples/**"],
    rules: { "no-console": "off" },
  },
);
