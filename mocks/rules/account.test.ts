import { describe, expect, it, vi } from "vitest";
import { startSession, userByLogin } from "../db/sessions";
import type { MockState, User } from "../db/state";
import { chooseTraqsUsername, removeSecurityMethod, removeSecurityQuestion } from "./account";
import type { Context } from "./context";
import { describeMethod } from "./factors";
import { NOW, refusalOf, seededContext } from "../testing/rules";

async function seeded(): Promise<{ ctx: Context; jane: User; sam: User; state: MockState }> {
  const ctx = await seededContext();
  return {
    ctx,
    state: ctx.state,
    jane: userByLogin(ctx.state, "jane.doe@yourfirm.org") as User,
    sam: userByLogin(ctx.state, "sam.lee@yourfirm.org") as User,
  };
}

describe("removing a security method", () => {
  it("uses the verification up, removes the method and emails what was removed", async () => {
    const { ctx, jane, state } = await seeded();
    const [, phone] = jane.methods;
    const verified = vi.fn();
    removeSecurityMethod(ctx, jane, phone?.id, verified);
    expect(verified).toHaveBeenCalledOnce();
    expect(jane.methods.map((m) => m.type)).toEqual(["google_authenticator"]);
    expect(state.outbox.at(-1)?.text).toContain(phone && describeMethod(phone));
  });

  it("refuses the last method and an unknown one before using any verification", async () => {
    const { ctx, jane, sam } = await seeded();
    const verified = vi.fn();
    expect(refusalOf(() => removeSecurityMethod(ctx, sam, sam.methods[0]?.id, verified))).toEqual([
      409,
      "LAST_METHOD",
    ]);
    expect(refusalOf(() => removeSecurityMethod(ctx, jane, "nope", verified))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    expect(verified).not.toHaveBeenCalled();
  });

  it("refuses to remove a security question that is not set up, before using the verification", async () => {
    const { ctx, jane } = await seeded();
    const verified = vi.fn();
    removeSecurityQuestion(ctx, jane, verified);
    expect(jane.securityQuestion).toBeUndefined();
    expect(refusalOf(() => removeSecurityQuestion(ctx, jane, verified))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    expect(verified).toHaveBeenCalledOnce();
  });
});

describe("choosing a TRAQS username", () => {
  it("takes only one of the user's own, active usernames", async () => {
    const { state, jane } = await seeded();
    const session = startSession(state, NOW, "test");
    expect(refusalOf(() => chooseTraqsUsername(session, jane, "someone-else"))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    expect(refusalOf(() => chooseTraqsUsername(session, jane, "JDOE02"))).toEqual([
      409,
      "USERNAME_INACTIVE",
    ]);
    chooseTraqsUsername(session, jane, "JDOE03");
    expect(session.traqsUsername).toBe("JDOE03");
  });
});
