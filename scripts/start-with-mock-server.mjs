// Starts the local mock server (port 4010) and the app against it, so that the browser and scripts
// share one backend: a refresh token copied from the page works in curl. Ctrl+C stops both.
import { spawn } from "node:child_process";

const children = [
  spawn("npx", ["tsx", "mocks/server.ts"], { stdio: "inherit" }),
  spawn("npx", ["vite"], {
    stdio: "inherit",
    env: { ...process.env, VITE_BACKEND: "mock-server" },
  }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((child) =>
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  }),
);
