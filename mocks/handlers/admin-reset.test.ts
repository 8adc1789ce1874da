import { beforeEach, describe, expect, it } from "vitest";
import { EnrollmentState } from "../../src/api/contracts/enrollment";
import { signedInAs, userDetail, userId, verifyFor } from "../testing/admin";
import { MockBackend } from "../testing/backend";
import { apiError, authnState } from "../testing/client";
import { HANK, identify, otherCode, SAM, submitPassword } from "../testing/steps";

let backend: MockBackend;
beforeEach(() => {
  backend = new MockBackend();
});

describe("lost phone: the help desk resets Sam's security methods", () => {
  it("keeps the password; the next sign-in needs it and a code emailed to Sam, then the set-up", async () => {
    const samBefore = await signedInAs(backend, SAM);
    const hank = await signedInAs(backend, HANK);
    const samId = await userId(backend, SAM.login);
    await verifyFor(backend, hank, HANK, "resetMethods", samId);
    const reset = userDetail(
      await hank.post(`/api/admin/users/${samId}/resetMethods`, { reason: "Lost phone, ticket 9" }),
    );
    expect(reset).toMatchObject({ methods: [], securityQuestionSet: false, passwordSet: true });
    expect(reset.sessions).toEqual([]);
    apiError(await samBefore.get("/api/me"), 401, "UNAUTHENTICATED");

    const sam = backend.browser();
    await identify(sam, SAM.login);
    const asked = authnState(await submitPassword(sam, SAM.password));
    expect(asked).toMatchObject({
      status: "FACTOR",
      factors: [],
      emailCode: { maskedEmail: "s***@yourfirm.org" },
    });
    // The password alone does not reach the set-up.
    expect((await sam.get("/api/enroll")).status).toBe(401);
    const email = await backend.latest("email", SAM.login);
    expect(email.subject).toBe("FINRA TRAQS - Sign-in verification code");
    const code = email.code ?? "";
    apiError(
      await sam.post("/api/authn/email-code", { code: otherCode(code) }),
      401,
      "INVALID_CODE",
    );
    apiError(await sam.post("/api/authn/email-code/resend"), 429, "RATE_LIMITED");
    expect(authnState(await sam.post("/api/authn/email-code", { code })).status).toBe("ENROLL");
    const enrollment = EnrollmentState.parse((await sam.get("/api/enroll")).json);
    expect(enrollment).toMatchObject({
      passwordSet: true,
      securityQuestionSet: false,
      methods: [],
    });

    // Recent Activity says an administrator did it.
    const activity = await backend.read((s) =>
      s.activity.filter((a) => a.userId === samId && a.type === "administrator_change"),
    );
    expect(activity.map((a) => a.detail)).toEqual(["Security methods reset (by the help desk)"]);
  });

  it("asks again at the next sign-in until a method is set up; an expired code is refused", async () => {
    const hank = await signedInAs(backend, HANK);
    const samId = await userId(backend, SAM.login);
    await verifyFor(backend, hank, HANK, "resetMethods", samId);
    userDetail(await hank.post(`/api/admin/users/${samId}/resetMethods`, { reason: "r" }));
    const first = backend.browser();
    await identify(first, SAM.login);
    authnState(await submitPassword(first, SAM.password));
    const code = (await backend.latest("email", SAM.login)).code ?? "";
    await backend.advance(11 * 60);
    apiError(await first.post("/api/authn/email-code", { code }), 401, "CODE_EXPIRED");
    const resent = authnState(await first.post("/api/authn/email-code/resend"));
    expect(resent.emailCode).toBeDefined();

    await backend.advance(30);
    const second = backend.browser();
    await identify(second, SAM.login);
    expect(authnState(await submitPassword(second, SAM.password)).emailCode).toBeDefined();
  });

  it("emails a code at most every 30 seconds and 10 an hour, however many sign-ins ask", async () => {
    const hank = await signedInAs(backend, HANK);
    const samId = await userId(backend, SAM.login);
    await verifyFor(backend, hank, HANK, "resetMethods", samId);
    userDetail(await hank.post(`/api/admin/users/${samId}/resetMethods`, { reason: "r" }));
    const emails = async () =>
      (await backend.outbox()).filter(
        (m) => m.to === SAM.login && m.subject === "FINRA TRAQS - Sign-in verification code",
      ).length;
    const signInTo = async () => {
      const browser = backend.browser();
      await identify(browser, SAM.login);
      return submitPassword(browser, SAM.password);
    };

    authnState(await signInTo());
    // A second sign-in at once: refused before the password step moves on, and no email.
    const refused = apiError(await signInTo(), 429, "RATE_LIMITED");
    expect(refused.retryAfterSeconds).toBe(30);
    expect(await emails()).toBe(1);
    for (let sent = 2; sent <= 10; sent++) {
      await backend.advance(30);
      expect(authnState(await signInTo()).emailCode).toBeDefined();
    }
    await backend.advance(30);
    apiError(await signInTo(), 429, "RATE_LIMITED");
    expect(await emails()).toBe(10);
    // An hour after the first, the next one goes.
    await backend.advance(60 * 60);
    expect(authnState(await signInTo()).emailCode).toBeDefined();
    expect(await emails()).toBe(11);
  });
});
