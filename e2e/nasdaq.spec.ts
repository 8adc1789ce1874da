import { samEnrollsAndLogsIntoQPort } from "./nasdaq-story";

// With the mock in the page; the same story runs on the local server (nasdaq.server.spec.ts).
samEnrollsAndLogsIntoQPort();
