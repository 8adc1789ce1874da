import { describe, expect, it } from "vitest";
import { assertNotLocked, recordFailure } from "./lockout";
import { POLICY } from "./policy";
import { NOW, refusalOf, seededContext as context } from "../testing/rules";
import { identify, signedInUser, signOut, toAuthnState } from "./sign-in";

describe("the sign-in", () => {
  it("tells nothing about the account before the password, known or not", async () => {
    const ctx = await context();
    identify(ctx, "Jane.Doe@yourfirm.org");
    const jane = toAuthnState(ctx.state, ctx.session, ctx.now);
    identify(ctx, "nobody@yourfirm.org");
    const nobody = toAuthnState(ctx.state, ctx.session, ctx.now);
    expect(jane).toEqual({ ...nobody, username: "jane.doe@yourfirm.org" });
    expect(jane).toMatchObject({ status: "PASSWORD", factors: [] });
    // One browser, one sign-in: the first session ended when the second started.
    expect(ctx.state.sessions).toHaveLength(1);
  });

  it("is not signed in until the sign-in succeeded, and signing out ends the session", async () => {
    const ctx = await context();
    identify(ctx, "jane.doe@yourfirm.org");
    expect(refusalOf(() => signedInUser(ctx))).toEqual([401, "UNAUTHENTICATED"]);
    if (ctx.session) ctx.session.stage = "SUCCESS";
    expect(signedInUser(ctx).user.login).toBe("jane.doe@yourfirm.org");
    signOut(ctx);
    expect(ctx.session).toBeNull();
    expect(ctx.state.sessions).toHaveLength(0);
    expect(ctx.state.activity.at(-1)?.type).toBe("sign_out");
  });
});

describe("lockout", () => {
  it("locks a login after the threshold of failures, saying how long is left", async () => {
    const ctx = await context();
    const login = "nobody@yourfirm.org";
    for (let i = 0; i < POLICY.lockoutThreshold; i++)
      recordFailure(ctx.state, login, null, NOW, "test");
    expect(refusalOf(() => assertNotLocked(ctx.state, login, NOW))).toEqual([
      403,
      "ACCOUNT_LOCKED",
    ]);
    const unlocksAt = NOW + POLICY.lockoutMinutes * 60_000;
    expect(refusalOf(() => assertNotLocked(ctx.state, login, unlocksAt))).toBe("no refusal");
  });
});
