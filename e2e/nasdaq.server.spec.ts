import { samEnrollsAndLogsIntoQPort } from "./nasdaq-story";

// The same story against the local mock server: its tokens, lockout and Nasdaq session in Node.
samEnrollsAndLogsIntoQPort();
