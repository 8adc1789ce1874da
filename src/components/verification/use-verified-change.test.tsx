// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { expect, test, vi } from "vitest";
import { useVerifiedChange } from "./use-verified-change";

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function renderHook(onVerified: (change: string, end: () => void) => void) {
  const latest: { current: ReturnType<typeof useVerifiedChange<string>> | null } = {
    current: null,
  };
  function Probe() {
    latest.current = useVerifiedChange(onVerified);
    return null;
  }
  act(() => createRoot(document.createElement("div")).render(<Probe />));
  return () => latest.current!;
}

test("a change asked first is verified only after Yes, and starts once verified", () => {
  const onVerified = vi.fn();
  const hook = renderHook(onVerified);
  act(() => hook().ask("remove phone"));
  expect([hook().stage, hook().change]).toEqual(["confirm", "remove phone"]);
  act(() => hook().confirmed());
  expect(hook().stage).toBe("verify");
  expect(onVerified).not.toHaveBeenCalled();
  act(() => hook().verified());
  expect(onVerified).toHaveBeenCalledWith("remove phone", expect.any(Function));
  expect(hook().stage).toBe("change");
  act(() => hook().end());
  expect([hook().stage, hook().change]).toEqual([null, null]);
});

test("No or Cancel ends the change without verifying; a set-up goes straight to verification", () => {
  const onVerified = vi.fn();
  const hook = renderHook(onVerified);
  act(() => hook().ask("reset password"));
  act(() => hook().end());
  expect(hook().stage).toBeNull();
  act(() => hook().verify("set up phone"));
  expect(hook().stage).toBe("verify");
  act(() => hook().end());
  act(() => hook().verified());
  expect(onVerified).not.toHaveBeenCalled();
});
