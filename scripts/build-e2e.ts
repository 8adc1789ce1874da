import { spawn } from "node:child_process";

/**
 * `npm run build:e2e`: the two builds the end-to-end tests serve, side by side rather than one
 * after the other (decision 026): `dist` with the mock in the page, `dist-server` against the
 * local mock server. Each is mostly one core's work (bundling, prerendering, Brotli), so on two
 * cores both take little longer than one. Fails when either fails.
 */
const VITE = "node_modules/vite/bin/vite.js";

const builds = [
  { name: "dist", env: {}, args: [] },
  { name: "dist-server", env: { VITE_BACKEND: "mock-server" }, args: ["--outDir", "dist-server"] },
];

const results = await Promise.all(
  builds.map(
    ({ name, env, args }) =>
      new Promise<boolean>((resolve) => {
        // Vite's own script run by this node: npx would first spend about a second finding it.
        const child = spawn(process.execPath, [VITE, "build", "--logLevel", "warn", ...args], {
          stdio: ["ignore", "inherit", "inherit"],
          env: { ...process.env, ...env },
        });
        child.on("close", (code) => {
          if (code !== 0) console.error(`The ${name} build failed (exit ${code}).`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
