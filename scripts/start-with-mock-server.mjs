// Starts the local mock server and the app against it, so that the browser and scripts share one
// backend: a refresh token copied from the page works in curl. The app listens on PORT (5173); the
// mock server on the port of MOCK_SERVER_URL (http://localhost:4010), where the app forwards to.
// If either stops, the other is stopped and the script fails; Ctrl+C or SIGTERM stops both.
import { spawn } from "node:child_process";

const mockServerUrl = process.env.MOCK_SERVER_URL ?? "http://localhost:4010";
if (!URL.canParse(mockServerUrl)) {
  console.error(`MOCK_SERVER_URL is not a URL: ${mockServerUrl}`);
  process.exit(2);
}
const env = { ...process.env, MOCK_SERVER_URL: mockServerUrl };
// Each child is one node process (no npx or tsx launcher in between), so stopping it stops it all.
const node = (args, extraEnv = {}) =>
  spawn(process.execPath, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
const children = [
  node(["--import", "tsx", "mocks/server.ts"]),
  node(["node_modules/vite/bin/vite.js"], { VITE_BACKEND: "mock-server" }),
];

let stopping = false;
/** Stops every child still running (forcibly after 5 s), then exits as `finish` says. */
function stopAll(finish) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const force = setTimeout(() => running.forEach((child) => child.kill("SIGKILL")), 5000);
  force.unref();
  running.forEach((child) => child.kill("SIGTERM"));
  Promise.all(running.map((child) => new Promise((done) => child.once("exit", done)))).then(finish);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () =>
    // Stopped on request: end the way a process killed by that signal does.
    stopAll(() => {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }),
  );
}
children.forEach((child) =>
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(
      `start:mock-server: the ${child === children[0] ? "mock server" : "app"} stopped ` +
        `(${signal ?? `exit code ${code}`}); stopping the other.`,
    );
    stopAll(() => process.exit(code || 1));
  }),
);
