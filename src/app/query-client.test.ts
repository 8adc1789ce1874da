import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/client";
import { createQueryClient } from "./query-client";

afterEach(() => {
  vi.useRealTimers();
});

/** Runs a query whose every attempt fails with `error`; returns how many attempts were made. */
async function attemptsOfFailingQuery(error: ApiError): Promise<number> {
  vi.useFakeTimers();
  const client = createQueryClient();
  const queryFn = vi.fn(() => Promise.reject(error));
  const result = client.fetchQuery({ queryKey: ["thing"], queryFn }).catch((e: unknown) => e);
  await vi.runAllTimersAsync(); // the backoff delays (1 s, 2 s, 4 s) pass at once
  expect(await result).toBe(error);
  return queryFn.mock.calls.length;
}

describe("the app's query client", () => {
  it("retries a query three times with backoff after a server error or a network failure", async () => {
    expect(await attemptsOfFailingQuery(new ApiError(500, "SERVER_ERROR", "boom"))).toBe(4);
    expect(await attemptsOfFailingQuery(new ApiError(0, "NETWORK", "offline"))).toBe(4);
  });

  it("does not retry a 4xx, which retrying cannot change", async () => {
    expect(await attemptsOfFailingQuery(new ApiError(403, "STEP_UP_REQUIRED", "verify"))).toBe(1);
  });

  it("waits longer before each retry", async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(new ApiError(500, "SERVER_ERROR", "boom")));
    void client.fetchQuery({ queryKey: ["slow"], queryFn }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(3);
  });

  it("never repeats a mutation on its own", async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const mutationFn = vi.fn(() => Promise.reject(new ApiError(500, "SERVER_ERROR", "boom")));
    const result = client
      .getMutationCache()
      .build(client, { mutationFn })
      .execute(undefined)
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(ApiError);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });
});
