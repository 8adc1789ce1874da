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

    const second = backend.browser();
    await identify(second, SAM.login);
    expect(authnState(await submitPassword(second, SAM.password)).emailCode).toBeDefined();
  });
});
