/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";

// The paths the backend answers. With VITE_BACKEND=mock-server the dev server forwards them to the
// local mock server, so the page and the API share one origin (and its cookies).
const BACKEND_PATHS = ["/api", "/__dev", "/oauth2", "/download"];

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  const port = Number(env.PORT ?? 5173);
  const mockServerUrl = env.MOCK_SERVER_URL ?? "http://localhost:4010";
  const proxy =
    env.VITE_BACKEND === "mock-server"
      ? Object.fromEntries(BACKEND_PATHS.map((path) => [path, { target: mockServerUrl }]))
      : undefined;

  return {
    plugins: [react()],
    resolve: { alias: { "@": new URL("./src", import.meta.url).pathname } },
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    build: { manifest: true, sourcemap: false, target: "es2022" },
    test: {
      include: [
        "src/**/*.test.{ts,tsx}",
        "mocks/**/*.test.ts",
        "scripts/**/*.test.ts",
        "examples/**/*.test.ts",
      ],
      environment: "node",
      setupFiles: ["./src/testing/setup-tests.ts"],
      restoreMocks: true,
    },
  };
});
