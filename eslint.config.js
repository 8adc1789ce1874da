import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
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
    // No import cycle anywhere (issue 14): each layer only knows the ones below it.
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      // Which files the cycle check reads, and with which parser: without these it reads no
      // TypeScript module and finds no cycle at all.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
          tsconfig: { configFile: "tsconfig.json" },
        }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The mock's handlers are thin and stand alone (decision 017): a piece two handlers share is a
    // rule (mocks/rules) or HTTP plumbing (mocks/http), never another handler's file.
    files: ["mocks/handlers/**/*.ts"],
    ignores: ["mocks/handlers/index.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./mocks/handlers",
              from: "./mocks/handlers",
              // The list of all handlers, which a test may take whole (a handler importing it is a cycle).
              except: ["./index.ts"],
              message: "A handler never imports another handler: see decision 017.",
            },
          ],
        },
      ],
    },
  },
  {
    // The mock's domain knows no HTTP (decision 017): rules and the database never import a handler
    // or the HTTP plumbing.
    files: ["mocks/rules/**/*.ts", "mocks/db/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./mocks/rules", "./mocks/db"],
              from: ["./mocks/handlers", "./mocks/http"],
              message: "Rules and the database know no HTTP: see decision 017.",
            },
          ],
        },
      ],
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
