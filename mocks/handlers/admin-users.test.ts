import { beforeEach, describe, expect, it } from "vitest";
import { ActivityPage } from "../../src/api/contracts/account";
import { ApiCatalog } from "../../src/api/contracts/api-download";
import { Me } from "../../src/api/contracts/me";
import {
  SIMPLE_USER_ACTIONS,
  UserSearchAnswer,
  type AdminAction,
  type OrderFormRequest,
} from "../../src/api/contracts/admin";
import { auditCount, signedInAs, userDetail, userId, verifyFor } from "../testing/admin";
import { MockBackend } from "../testing/backend";
import { apiError, authnState } from "../testing/client";
import {
  expectNoSecrets,
  HANK,
  JANE,
  JOHN,
  OLGA,
  PAT,
  SAM,
  signIn,
  submitPassword,
  identify,
  WRONG_PASSWORD,
} from "../testing/steps";

let backend: MockBackend;
beforeEach(() => {
  backend = new MockBackend();
});

const REASON = { reason: "Ticket 4711" };

/** Every change endpoint for one user: method, path, body, and the action it is verified for. */
function changesTo(
  id: string,
): { action: AdminAction; method: "post" | "put"; path: string; body: object }[] {
  return [
    ...SIMPLE_USER_ACTIONS.map((action) => ({
      action,
      method: "post" as const,
      path: `/api/admin/users/${id}/${action}`,
      body: REASON,
    })),
    {
      action: "setTraqsUsername",
      method: "put",
      path: `/api/admin/users/${id}/traqs-usernames/JDOE02`,
      body: { active: true, ...REASON },
    },
    {
      action: "editEntitlements",
      method: "put",
      path: `/api/admin/users/${id}/entitlements`,
      body: { entitlements: [{ facility: "TRF", environment: "NTF" }], ...REASON },
    },
    {
      action: "editNasdaqApplications",
      method: "put",
      path: `/api/admin/users/${id}/nasdaq-applications`,
      body: { nasdaqApplications: ["track"], ...REASON },
    },
    {
      action: "updateProfile",
      method: "put",
      path: `/api/admin/users/${id}/profile`,
      body: { firstName: "A", lastName: "B", email: "a.b@yourfirm.org", ...REASON },
    },
    {
      action: "setAdministrator",
      method: "put",
      path: `/api/admin/users/${id}/administrator`,
      body: { administrator: true, ...REASON },
    },
  ];
}

const invitation = (overrides: Partial<OrderFormRequest> = {}): OrderFormRequest => ({
  firstName: "Nora",
  lastName: "New",
  email: "nora.new@yourfirm.org",
  traqsUsernames: ["NNEW01"],
  entitlements: [
    { facility: "TRACE-CA", environment: "NTF" },
    { facility: "TRF", environment: "NTF" },
  ],
  reason: "New API user for the fixed income desk",
  ...overrides,
});

describe("the administrator role on Me", () => {
  it("says what Pat, Hank and Olga administer, and nothing for Jane", async () => {
    const roleOf = async (account: typeof PAT) =>
      Me.parse((await (await signedInAs(backend, account)).get("/api/me")).json).administration;
    expect(await roleOf(PAT)).toEqual({
      role: "firm-administrator",
      firm: { id: "your-firm", name: "Your Firm" },
    });
    expect(await roleOf(HANK)).toEqual({ role: "help-desk", firm: null });
    expect(await roleOf(OLGA)).toEqual({
      role: "firm-administrator",
      firm: { id: "other-firm", name: "Other Firm" },
    });
    expect(await roleOf(JANE)).toBeNull();
  });
});

describe("a user who is not an administrator", () => {
  it("gets 403 FORBIDDEN on every /api/admin endpoint, and no audit event", async () => {
    const jane = await signedInAs(backend, JANE);
    const patId = await userId(backend, PAT.login);
    const endpoints = backend.handlers.flatMap((handler) => {
      const info = handler.info as { method?: unknown; path?: unknown };
      const path = typeof info.path === "string" ? info.path : "";
      if (!path.includes("/api/admin")) return [];
      const method = String(info.method);
      return [{ method, path: path.replace(/^\*/, "").replace(/:\w+/g, patId) }];
    });
    // Every endpoint the handlers have, so that a new one cannot be left out.
    expect(endpoints.length).toBeGreaterThanOrEqual(20);
    for (const { method, path } of endpoints) {
      const response =
        method === "GET"
          ? await jane.get(path)
          : method === "PUT"
            ? await jane.put(path, REASON)
            : await jane.post(path, REASON);
      apiError(response, 403, "FORBIDDEN");
    }
    expect(await auditCount(backend)).toBe(0);
  });

  it("gets 401 without a session", async () => {
    apiError(await backend.browser().get("/api/admin/users"), 401, "UNAUTHENTICATED");
  });
});

describe("another firm's administrator", () => {
  it("gets 404 for every Your Firm user on every endpoint, exactly as for no such user", async () => {
    const olga = await signedInAs(backend, OLGA);
    const yourFirm = await backend.read((s) =>
      s.users.filter((u) => u.firmId === "your-firm").map((u) => u.id),
    );
    expect(yourFirm.length).toBe(4); // John, Jane, Sam, Pat
    const janeId = await userId(backend, JANE.login);
    const missing = apiError(await olga.get("/api/admin/users/no-such-user"), 404, "NOT_FOUND");
    for (const id of yourFirm) {
      expect(apiError(await olga.get(`/api/admin/users/${id}`), 404, "NOT_FOUND")).toEqual(missing);
      for (const change of changesTo(id)) {
        // For Jane, verified for exactly this change: the firm alone is what refuses it.
        if (id === janeId) await verifyFor(backend, olga, OLGA, change.action, id);
        const response = await olga[change.method](change.path, change.body);
        expect(apiError(response, 404, "NOT_FOUND"), change.path).toEqual(missing);
      }
    }
    const before = await backend.read((s) => s.users.filter((u) => u.firmId === "your-firm"));
    expect(before.every((u) => u.status !== "SUSPENDED" && u.status !== "DEACTIVATED")).toBe(true);
  }, 30_000);

  it("never finds Your Firm users in a search, nor Your Firm itself", async () => {
    const olga = await signedInAs(backend, OLGA);
    const all = UserSearchAnswer.parse((await olga.get("/api/admin/users")).json);
    expect(all.items.map((u) => u.email).sort()).toEqual([
      "olga.admin@otherfirm.example",
      "olivia.owens@otherfirm.example",
      "omar.ortiz@otherfirm.example",
    ]);
    apiError(await olga.get("/api/admin/users?firmId=your-firm"), 404, "NOT_FOUND");
    apiError(await olga.get("/api/admin/firms/your-firm"), 404, "NOT_FOUND");
    await verifyFor(backend, olga, OLGA, "startNtfTest", "your-firm");
    apiError(await olga.post("/api/admin/firms/your-firm/ntf-test", REASON), 404, "NOT_FOUND");
  });

  it("cannot list Your Firm's TRAQS usernames by trying them on the Order Form", async () => {
    const olga = await signedInAs(backend, OLGA);
    await verifyFor(backend, olga, OLGA, "invite", "other-firm");
    const tryName = (name: string) =>
      olga.post(
        "/api/admin/order-form",
        invitation({ email: "nora.new@otherfirm.example", traqsUsernames: [name] }),
      );
    // Names are unique across firms, so a taken one is named as such: ten times an hour.
    for (let i = 0; i < 10; i++) apiError(await tryName("JDOE01"), 409, "USERNAME_TAKEN");
    const stopped = apiError(await tryName("PADMIN01"), 429, "RATE_LIMITED");
    expect(stopped.message).not.toContain("PADMIN01");
    expect(stopped.retryAfterSeconds).toBe(3600);
    // Then any Order Form waits, a free name too: success would tell the same.
    apiError(await tryName("ZZZZ99"), 429, "RATE_LIMITED");
    await backend.advance(3600);
    const later = await signedInAs(backend, OLGA);
    await verifyFor(backend, later, OLGA, "invite", "other-firm");
    const invited = await later.post(
      "/api/admin/order-form",
      invitation({ email: "nora.new@otherfirm.example", traqsUsernames: ["ZZZZ99"] }),
    );
    expect(invited.status, invited.text).toBe(200);
  });

  it("cannot invite a user on Your Firm's domain", async () => {
    const olga = await signedInAs(backend, OLGA);
    await verifyFor(backend, olga, OLGA, "invite", "other-firm");
    const refused = apiError(
      await olga.post("/api/admin/order-form", invitation()),
      409,
      "OUTSIDE_DOMAIN",
    );
    expect(refused.fields).toEqual({ email: "errors.OUTSIDE_DOMAIN" });
  });
});

describe("the Order Form", () => {
  it("refuses shared, outside and taken addresses with a clear message, each audited once", async () => {
    const pat = await signedInAs(backend, PAT);
    apiError(await pat.post("/api/admin/order-form", invitation()), 403, "STEP_UP_REQUIRED");
    const refusals: [string, "SHARED_ADDRESS" | "OUTSIDE_DOMAIN" | "ADDRESS_TAKEN"][] = [
      ["info@yourfirm.org", "SHARED_ADDRESS"],
      ["Compliance@yourfirm.org", "SHARED_ADDRESS"],
      ["trading-desk@yourfirm.org", "SHARED_ADDRESS"],
      ["noreply@yourfirm.org", "SHARED_ADDRESS"],
      ["nora.new@gmail.com", "OUTSIDE_DOMAIN"],
      ["jane.doe@yourfirm.org", "ADDRESS_TAKEN"],
    ];
    for (const [email, code] of refusals) {
      const before = await auditCount(backend);
      await verifyFor(backend, pat, PAT, "invite", "your-firm");
      apiError(await pat.post("/api/admin/order-form", invitation({ email })), 409, code);
      expect(await auditCount(backend)).toBe(before + 1);
      const last = await backend.read((s) => s.auditLog.at(-1));
      expect(last).toMatchObject({ action: "invite", result: "failure", error: code });
    }
    // A refused change costs no verification: the one made above still serves.
    apiError(
      await pat.post("/api/admin/order-form", invitation({ traqsUsernames: ["JDOE01"] })),
      409,
      "USERNAME_TAKEN",
    );
  });

  it("the Order Form entitles a new user to Nasdaq applications too, and to no other", async () => {
    const pat = await signedInAs(backend, PAT);
    await verifyFor(backend, pat, PAT, "invite", "your-firm");
    apiError(
      await pat.post("/api/admin/order-form", {
        ...invitation(),
        nasdaqApplications: ["cms-web", "xyz"],
      }),
      400,
      "VALIDATION",
    );
    const nora = userDetail(
      await pat.post(
        "/api/admin/order-form",
        invitation({ nasdaqApplications: ["q-port", "track"] }),
      ),
    );
    // In the applications' own order, whatever the form's.
    expect(nora.nasdaqApplications).toEqual(["track", "q-port"]);
    const audit = await backend.read((s) => s.auditLog.at(-1)?.detail ?? "");
    expect(audit).toContain("Nasdaq: track, q-port");
  });

  it("invites Nora with the guide's email; she activates and sees exactly TRACE – CA and TRF", async () => {
    const pat = await signedInAs(backend, PAT);
    await verifyFor(backend, pat, PAT, "invite", "your-firm");
    const nora = userDetail(await pat.post("/api/admin/order-form", invitation()));
    expect(nora).toMatchObject({
      status: "Invited",
      firm: { id: "your-firm" },
      traqsUsernames: [{ username: "NNEW01", active: true }],
      entitlements: [
        { facility: "TRACE-CA", environment: "NTF" },
        { facility: "TRF", environment: "NTF" },
      ],
      invitation: { expired: false },
    });
    const sent = Date.parse(nora.invitation?.sentAt ?? "");
    expect(Date.parse(nora.invitation?.expiresAt ?? "") - sent).toBe(30 * 86_400_000);

    const email = await backend.latest("email", "nora.new@yourfirm.org");
    expect(email.subject).toBe("FINRA TRAQS - Welcome to Okta!");
    expect(email.text).toContain("This link expires in 30 days.");
    const token = (email.link ?? "").replace("/activate/", "");
    const browser = backend.browser();
    const activated = await browser.post("/api/enroll/activate", { token });
    expect(activated.status, activated.text).toBe(200);

    // Once enrolled (here: made so directly), her catalog lists exactly what the form gave.
    await backend.change((state) => {
      const user = state.users.find((u) => u.login === "nora.new@yourfirm.org");
      if (user) user.status = "ACTIVE";
    });
    const session = await browser.get("/api/traqs/api/catalog");
    // The activation session is not signed in yet: the catalog needs the finished sign-in.
    expect(session.status).toBe(401);
  });

  it("resending ends the set-up already opened with the old link", async () => {
    const old = (await backend.latest("email", JOHN.login)).link ?? "";
    const opened = backend.browser("whoever got the first email");
    const activated = await opened.post("/api/enroll/activate", {
      token: old.replace("/activate/", ""),
    });
    expect(activated.status, activated.text).toBe(200);
    const pat = await signedInAs(backend, PAT);
    const johnId = await userId(backend, JOHN.login);
    await verifyFor(backend, pat, PAT, "resendInvitation", johnId);
    userDetail(await pat.post(`/api/admin/users/${johnId}/resendInvitation`, REASON));
    apiError(await opened.get("/api/enroll"), 401, "UNAUTHENTICATED");
    apiError(
      await opened.post("/api/enroll/password", { password: "Harbor-Lights-2031" }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("a new primary email voids what was sent to the old one: invitation and reset link", async () => {
    /** The help desk gives the user a new primary email, after its own "Verify it's you". */
    const changeEmail = async (login: string, name: [string, string], email: string) => {
      await backend.advance(30); // the help desk's next code
      const hank = await signedInAs(backend, HANK);
      const id = await userId(backend, login);
      await verifyFor(backend, hank, HANK, "updateProfile", id);
      const [firstName, lastName] = name;
      userDetail(
        await hank.put(`/api/admin/users/${id}/profile`, { firstName, lastName, email, ...REASON }),
      );
    };
    // John, invited: his link goes to the old address; a new one to the new address.
    const old = (await backend.latest("email", JOHN.login)).link ?? "";
    await changeEmail(JOHN.login, ["John", "Smith"], "johnny.smith@yourfirm.org");
    const browser = backend.browser();
    apiError(
      await browser.post("/api/enroll/activate", { token: old.replace("/activate/", "") }),
      404,
      "ACTIVATION_INVALID",
    );
    const fresh = (await backend.outbox()).find(
      (m) => m.to === "johnny.smith@yourfirm.org" && m.subject === "FINRA TRAQS - Welcome to Okta!",
    );
    if (!fresh) throw new Error("No invitation to the new address");
    const activated = await browser.post("/api/enroll/activate", {
      token: (fresh.link ?? "").replace("/activate/", ""),
    });
    expect(activated.status, activated.text).toBe(200);

    // Jane asked for a reset link; then her address changes: the link no longer opens anything.
    const jane = backend.browser("Jane");
    await jane.post("/api/recovery/start", { kind: "reset", username: JANE.login });
    expect((await jane.post("/api/recovery/send")).status).toBe(200);
    const link = (await backend.latest("email", JANE.login)).link ?? "";
    await changeEmail(JANE.login, ["Jane", "Doe"], "jane.d@yourfirm.org");
    const opened = await backend
      .browser("the old mailbox")
      .post("/api/recovery/link", { token: link.split("/").pop() });
    apiError(opened, 410, "RECOVERY_ENDED");
  });

  it("resends an invitation (the old link stops working) and revokes one", async () => {
    const hank = await signedInAs(backend, HANK);
    const johnId = await userId(backend, JOHN.login);
    const old = (await backend.latest("email", JOHN.login)).link ?? "";
    await verifyFor(backend, hank, HANK, "resendInvitation", johnId);
    userDetail(await hank.post(`/api/admin/users/${johnId}/resendInvitation`, REASON));
    const fresh = (await backend.latest("email", JOHN.login)).link ?? "";
    expect(fresh).not.toBe(old);
    const browser = backend.browser();
    apiError(
      await browser.post("/api/enroll/activate", { token: old.replace("/activate/", "") }),
      404,
      "ACTIVATION_INVALID",
    );

    // The help desk may resend but not revoke; the firm's administrator may.
    apiError(
      await hank.post(`/api/admin/users/${johnId}/revokeInvitation`, REASON),
      403,
      "FORBIDDEN",
    );
    const pat = await signedInAs(backend, PAT);
    await verifyFor(backend, pat, PAT, "revokeInvitation", johnId);
    const revoked = await pat.post(`/api/admin/users/${johnId}/revokeInvitation`, REASON);
    expect(revoked.status).toBe(204);
    apiError(await pat.get(`/api/admin/users/${johnId}`), 404, "NOT_FOUND");
    apiError(
      await browser.post("/api/enroll/activate", { token: fresh.replace("/activate/", "") }),
      404,
      "ACTIVATION_INVALID",
    );
  });
});

describe("TRAQS usernames and entitlements", () => {
  it("Pat sets JDOE02 Active; then Jane can choose it", async () => {
    const jane = await signedInAs(backend, JANE);
    apiError(
      await jane.post("/api/me/traqs-username", { username: "JDOE02" }),
      409,
      "USERNAME_INACTIVE",
    );
    const pat = await signedInAs(backend, PAT);
    const janeId = await userId(backend, JANE.login);
    await verifyFor(backend, pat, PAT, "setTraqsUsername", janeId);
    const detail = userDetail(
      await pat.put(`/api/admin/users/${janeId}/traqs-usernames/JDOE02`, {
        active: true,
        ...REASON,
      }),
    );
    expect(detail.traqsUsernames).toContainEqual({ username: "JDOE02", active: true });
    const chosen = Me.parse(
      (await jane.post("/api/me/traqs-username", { username: "JDOE02" })).json,
    );
    expect(chosen.traqsUsername).toBe("JDOE02");
  });

  it("an entitlement edit is a new Order Form entry; the catalog and downloads follow", async () => {
    const pat = await signedInAs(backend, PAT);
    const samId = await userId(backend, SAM.login);
    await verifyFor(backend, pat, PAT, "editEntitlements", samId);
    const detail = userDetail(
      await pat.put(`/api/admin/users/${samId}/entitlements`, {
        entitlements: [
          { facility: "TRF", environment: "NTF" },
          { facility: "ADF", environment: "Production" },
        ],
        ...REASON,
      }),
    );
    expect(detail.orderForms).toHaveLength(1);
    expect(detail.orderForms[0]?.by).toBe("Pat Admin");

    const sam = await signedInAs(backend, SAM);
    const catalog = ApiCatalog.parse((await sam.get("/api/traqs/api/catalog")).json);
    // This backend is NTF: the Production entitlement does not count here.
    expect(catalog.facilities.filter((f) => f.entitled).map((f) => f.id)).toEqual(["TRF"]);
    const file = await sam.get(
      "/api/traqs/api/download?facility=TRF&file=participant-list&action=download",
    );
    expect(file.status).toBe(200);
    expect(file.text.split("\n")[0]).toBe(
      "MPID,Participant Name,Trade Reporting Facility,Status,Effective Date",
    );
    apiError(
      await sam.get("/api/traqs/api/download?facility=ADF&file=daily-list&action=download"),
      403,
      "NOT_ENTITLED",
    );
    const activity = ActivityPage.parse((await sam.get("/api/account/activity")).json);
    expect(activity.items.find((a) => a.type === "administrator_change")?.detail).toBe(
      "API entitlements set: ADF Production, TRF NTF (by your firm's Super Account Administrator)",
    );
  });
});

describe("the actions", () => {
  it("the help desk unlocks Jane, locked by wrong passwords; she is told, and signs in", async () => {
    for (let i = 0; i < 5; i++) {
      const b = backend.browser();
      await identify(b, JANE.login);
      await submitPassword(b, WRONG_PASSWORD);
    }
    const hank = await signedInAs(backend, HANK);
    const janeId = await userId(backend, JANE.login);
    expect(userDetail(await hank.get(`/api/admin/users/${janeId}`)).status).toBe("Locked");
    await verifyFor(backend, hank, HANK, "unlock", janeId);
    expect(userDetail(await hank.post(`/api/admin/users/${janeId}/unlock`, REASON)).status).toBe(
      "Active",
    );
    expect((await backend.latest("email", JANE.login)).text).toContain(
      "This was done by an administrator: the help desk.",
    );
    await signIn(backend, backend.browser(), JANE);
    // Not locked any more: another unlock is refused, and costs no verification.
    await verifyFor(backend, hank, HANK, "unlock", janeId);
    apiError(await hank.post(`/api/admin/users/${janeId}/unlock`, REASON), 409, "USER_STATUS");
  });

  it("a verification serves only the action and user it was made for, and only once", async () => {
    const pat = await signedInAs(backend, PAT);
    const janeId = await userId(backend, JANE.login);
    const samId = await userId(backend, SAM.login);
    await verifyFor(backend, pat, PAT, "signOutEverywhere", janeId);
    apiError(
      await pat.post(`/api/admin/users/${samId}/signOutEverywhere`, REASON),
      403,
      "STEP_UP_REQUIRED",
    );
    apiError(await pat.post(`/api/admin/users/${janeId}/suspend`, REASON), 403, "STEP_UP_REQUIRED");
    userDetail(await pat.post(`/api/admin/users/${janeId}/signOutEverywhere`, REASON));
    apiError(
      await pat.post(`/api/admin/users/${janeId}/signOutEverywhere`, REASON),
      403,
      "STEP_UP_REQUIRED",
    );
  });

  it("a suspended user cannot sign in and is told so; reactivated, she can", async () => {
    const jane = await signedInAs(backend, JANE);
    const pat = await signedInAs(backend, PAT);
    const janeId = await userId(backend, JANE.login);
    await verifyFor(backend, pat, PAT, "suspend", janeId);
    expect(userDetail(await pat.post(`/api/admin/users/${janeId}/suspend`, REASON)).status).toBe(
      "Suspended",
    );
    apiError(await jane.get("/api/me"), 401, "UNAUTHENTICATED");
    const again = backend.browser();
    await identify(again, JANE.login);
    apiError(await submitPassword(again, JANE.password), 403, "ACCOUNT_SUSPENDED");
    // A wrong password says only that, as for anyone.
    apiError(await submitPassword(again, WRONG_PASSWORD), 401, "INVALID_CREDENTIALS");

    await verifyFor(backend, pat, PAT, "reactivate", janeId);
    userDetail(await pat.post(`/api/admin/users/${janeId}/reactivate`, REASON));
    await signIn(backend, backend.browser(), JANE);

    await verifyFor(backend, pat, PAT, "deactivate", janeId);
    userDetail(await pat.post(`/api/admin/users/${janeId}/deactivate`, REASON));
    const last = backend.browser();
    await identify(last, JANE.login);
    apiError(await submitPassword(last, JANE.password), 403, "ACCOUNT_DEACTIVATED");
  });

  it("the help desk changes a name and primary email; a firm administrator may not", async () => {
    const pat = await signedInAs(backend, PAT);
    const samId = await userId(backend, SAM.login);
    const profile = {
      firstName: "Samuel",
      lastName: "Lee",
      email: "samuel.lee@yourfirm.org",
      ...REASON,
    };
    apiError(await pat.put(`/api/admin/users/${samId}/profile`, profile), 403, "FORBIDDEN");
    const hank = await signedInAs(backend, HANK);
    await verifyFor(backend, hank, HANK, "updateProfile", samId);
    apiError(
      await hank.put(`/api/admin/users/${samId}/profile`, {
        ...profile,
        email: "support@yourfirm.org",
      }),
      409,
      "SHARED_ADDRESS",
    );
    const changed = userDetail(await hank.put(`/api/admin/users/${samId}/profile`, profile));
    expect(changed).toMatchObject({ firstName: "Samuel", login: "samuel.lee@yourfirm.org" });
    await backend.latest("email", "samuel.lee@yourfirm.org");
    await backend.latest("email", SAM.login); // the old address is told too
    await signIn(backend, backend.browser(), { ...SAM, login: "samuel.lee@yourfirm.org" });
  });
});

describe("self-protection", () => {
  it("Pat cannot suspend, deactivate, reset, sign out or remove the role from himself", async () => {
    const pat = await signedInAs(backend, PAT);
    const patId = await userId(backend, PAT.login);
    for (const action of ["suspend", "deactivate", "resetMethods", "signOutEverywhere"] as const) {
      await verifyFor(backend, pat, PAT, action, patId);
      apiError(await pat.post(`/api/admin/users/${patId}/${action}`, REASON), 409, "SELF_ACTION");
    }
    await verifyFor(backend, pat, PAT, "setAdministrator", patId);
    apiError(
      await pat.put(`/api/admin/users/${patId}/administrator`, { administrator: false, ...REASON }),
      409,
      "SELF_ACTION",
    );
    const pats = await backend.read((s) => s.users.find((u) => u.id === patId));
    expect(pats).toMatchObject({ status: "ACTIVE", role: "firm-administrator" });
  });

  it("another administrator of the firm may, and the firm keeps one", async () => {
    const pat = await signedInAs(backend, PAT);
    const patId = await userId(backend, PAT.login);
    const janeId = await userId(backend, JANE.login);
    await verifyFor(backend, pat, PAT, "setAdministrator", janeId);
    expect(
      userDetail(
        await pat.put(`/api/admin/users/${janeId}/administrator`, {
          administrator: true,
          ...REASON,
        }),
      ).administrator,
    ).toBe(true);
    const jane = await signedInAs(backend, JANE);
    await verifyFor(backend, jane, JANE, "setAdministrator", patId);
    userDetail(
      await jane.put(`/api/admin/users/${patId}/administrator`, {
        administrator: false,
        ...REASON,
      }),
    );
    // Jane is now the only one: she cannot step down.
    await verifyFor(backend, jane, JANE, "setAdministrator", janeId);
    apiError(
      await jane.put(`/api/admin/users/${janeId}/administrator`, {
        administrator: false,
        ...REASON,
      }),
      409,
      "SELF_ACTION",
    );
  });
});

describe("the audit log", () => {
  it("keeps exactly one event for each change, success or failure", async () => {
    const pat = await signedInAs(backend, PAT);
    const janeId = await userId(backend, JANE.login);
    const cases: [() => Promise<unknown>, string, string | undefined][] = [
      [
        () => pat.post(`/api/admin/users/${janeId}/revokeTokens`, REASON),
        "failure",
        "STEP_UP_REQUIRED",
      ],
      [() => pat.post(`/api/admin/users/nobody/suspend`, REASON), "failure", "NOT_FOUND"],
      [() => pat.post(`/api/admin/users/${janeId}/suspend`, {}), "failure", "VALIDATION"],
      [
        () =>
          pat.put(`/api/admin/users/${janeId}/profile`, {
            firstName: "J",
            lastName: "D",
            email: "j.d@yourfirm.org",
            ...REASON,
          }),
        "failure",
        "FORBIDDEN",
      ],
      [
        async () => {
          await verifyFor(backend, pat, PAT, "signOutEverywhere", janeId);
          return pat.post(`/api/admin/users/${janeId}/signOutEverywhere`, REASON);
        },
        "success",
        undefined,
      ],
    ];
    for (const [run, result, error] of cases) {
      const before = await auditCount(backend);
      await run();
      expect(await auditCount(backend)).toBe(before + 1);
      const event = await backend.read((s) => s.auditLog.at(-1));
      expect(event?.result).toBe(result);
      expect(event?.error).toBe(error);
      expect(event?.administratorEmail).toBe(PAT.login);
    }
  });
});

describe("what an administrator sees", () => {
  it("holds no secret: no key, full phone number, token, hash or answer", async () => {
    const jane = await signedInAs(backend, JANE);
    // Jane holds a refresh token, so that the tokens are listed (masked).
    await jane.post("/api/step-up/start", { purpose: "token" });
    await backend.advance(30);
    const state = authnState(await jane.get("/api/step-up"));
    const methodId = state.factors.find((f) => f.type === "google_authenticator")?.id ?? "";
    await jane.post("/api/step-up/verify", { methodId, code: await backend.totp(JANE.totpKey) });
    expect((await jane.post("/api/traqs/api/tokens")).status).toBe(200);

    const secrets = await backend.read((s) => [
      ...s.users.flatMap((u) => [
        ...u.methods.flatMap((m) =>
          "secret" in m ? [m.secret] : "e164" in m ? [m.e164, m.e164.slice(2)] : [],
        ),
        ...(u.password ? [u.password.hash, u.password.salt] : []),
        ...(u.securityQuestion ? [u.securityQuestion.answer.hash] : []),
        ...(u.activation ? [u.activation.tokenHash] : []),
      ]),
      ...s.refreshTokens.flatMap((t) => [t.tokenHash, ...(t.sealed ? [t.sealed] : [])]),
      ...s.sessions.map((session) => session.id),
    ]);
    const seeded = ["JBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLU", "KBQXIIDBMRWWS3TZ", "Rex", "Broccoli"];
    for (const account of [PAT, HANK]) {
      const admin = await signedInAs(backend, account);
      const list = UserSearchAnswer.parse(
        (await admin.get("/api/admin/users?firmId=your-firm")).json,
      );
      for (const user of list.items) userDetail(await admin.get(`/api/admin/users/${user.id}`));
      await admin.get("/api/admin/audit");
      await admin.get("/api/admin/firms");
      expectNoSecrets(admin, [...secrets.filter((x) => x.length >= 8), ...seeded]);
      const janeSeen = userDetail(
        await admin.get(`/api/admin/users/${await userId(backend, JANE.login)}`),
      );
      expect(janeSeen.methods.map((m) => m.maskedPhone ?? m.type)).toEqual([
        "google_authenticator",
        "+1 XXX-XXX-0143",
      ]);
      expect(janeSeen.refreshTokens[0]).toMatchObject({ isActive: true });
      expect(janeSeen.refreshTokens[0]?.last4).toHaveLength(4);
    }
  });
});
