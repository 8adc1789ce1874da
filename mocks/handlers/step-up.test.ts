import { beforeEach, describe, expect, it } from "vitest";
import { MockBackend } from "../testing/backend";
import { apiError, authnState, type Browser } from "../testing/client";
import { JANE, signIn, WRONG_PASSWORD } from "../testing/steps";

let backend: MockBackend;
let browser: Browser;
beforeEach(async () => {
  backend = new MockBackend();
  browser = backend.browser();
  await signIn(backend, browser, JANE);
});

/** "Verify it's you" for Settings, Get Token, or a change (here: a password reset). */
const start = async (purpose: "view" | "change" | "token") =>
  authnState(
    await browser.post(
      "/api/step-up/start",
      purpose === "change" ? { purpose, change: { kind: "resetPassword" } } : { purpose },
    ),
  );
const password = (value: string) => browser.post("/api/step-up/password", { password: value });
const account = () => browser.get("/api/account");

describe("Verify it's you with the password", () => {
  it("opens Settings with the password, one of the options the guide lists", async () => {
    const started = await start("view");
    expect(started).toMatchObject({ status: "FACTOR", passwordAccepted: true });
    apiError(await account(), 403, "STEP_UP_REQUIRED");

    expect(authnState(await password(JANE.password)).status).toBe("SUCCESS");
    expect((await account()).status).toBe(200);
  });

  it("refuses a wrong password and counts it toward the lockout", async () => {
    await start("view");
    apiError(await password(WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
    apiError(await account(), 403, "STEP_UP_REQUIRED");
    const failed = await backend.read(
      (state) => state.activity.filter((a) => a.type === "sign_in_password_failed").length,
    );
    expect(failed).toBe(1);
  });

  it("is no way to Get Token: that takes a security method", async () => {
    expect((await start("token")).passwordAccepted).toBeUndefined();
    apiError(await password(JANE.password), 409, "WRONG_STEP");
    apiError(await browser.post("/api/traqs/api/tokens"), 403, "STEP_UP_REQUIRED");
  });

  it("before a change is only the first step: a method still follows", async () => {
    expect((await start("change")).status).toBe("PASSWORD");
    const afterPassword = authnState(await password(JANE.password));
    expect(afterPassword.status).toBe("FACTOR");
    expect(afterPassword.passwordAccepted).toBeUndefined();
    apiError(await password(JANE.password), 409, "WRONG_STEP");
  });
});
