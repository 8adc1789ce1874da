import "@testing-library/jest-dom/vitest";
import { afterEach, beforeEach, vi } from "vitest";

// A test fails when anything logs an error: a warning nobody reads is a bug nobody fixes.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  if (calls.length > 0)
    throw new Error(
      `console.error was called: ${calls.map((c: unknown[]) => c.join(" ")).join("\n")}`,
    );
});
