import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/api/client";
import { describeError } from "./describe-error";
import i18n, { loadAreaStrings } from "./index";

const say = (
  code: "RATE_LIMITED" | "CLOCK_SKEW",
  extra: ConstructorParameters<typeof ApiError>[3],
) => describeError(i18n.t, new ApiError(code === "RATE_LIMITED" ? 429 : 401, code, "", extra));

describe("waits in error messages", () => {
  // A code's messages after the first screen come with the areas' strings, as pages load them.
  beforeAll(loadAreaStrings);

  it("says a short wait in seconds, and an hour's cap in minutes", () => {
    expect(say("RATE_LIMITED", { retryAfterSeconds: 20 })).toBe(
      "Please wait 20 seconds before asking again.",
    );
    expect(say("RATE_LIMITED", { retryAfterSeconds: 3330 })).toBe(
      "Please wait 56 minute(s) before asking again.",
    );
  });

  it("tells a phone ahead how long until codes work again, and one behind to enter the next", () => {
    expect(say("CLOCK_SKEW", { skewSeconds: 150, retryAfterSeconds: 170 })).toBe(
      "That code is not right for this moment: your phone's clock looks 3 minute(s) ahead. Set " +
        "your phone's time automatically. For your security, codes from your app work again in " +
        "3 minute(s); until then, verify with something else.",
    );
    expect(say("CLOCK_SKEW", { skewSeconds: -120 })).toBe(
      "That code is not right for this moment: your phone's clock looks 2 minute(s) behind. Set " +
        "your phone's time automatically, then enter the next code.",
    );
  });
});
