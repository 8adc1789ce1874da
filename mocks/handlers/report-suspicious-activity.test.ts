import { beforeEach, describe, expect, it } from "vitest";
import { ReportResult } from "../../src/api/contracts/account";
import { MockBackend } from "../testing/backend";
import { apiError, type ApiResponse, type Browser } from "../testing/client";
import { JANE } from "../testing/steps";

/**
 * The "Report Suspicious Activity" link of a notification email: it works once, for 30 days; a
 * second use says the activity was already reported and records nothing more.
 */

const DAY = 86_400;
const LINK = /^\/report-suspicious-activity\/([\w-]+)$/;

let backend: MockBackend;
let browser: Browser;
beforeEach(() => {
  backend = new MockBackend();
  browser = backend.browser();
});

/** Jane resets her forgotten password: the "Password reset" email, with its report link. */
async function passwordResetEmailLink(): Promise<string> {
  const reset = backend.browser("Jane's laptop");
  await reset.post("/api/recovery/start", { kind: "reset", username: JANE.login });
  await reset.post("/api/recovery/send");
  const code = (await backend.latest("email", JANE.login)).code ?? "";
  await reset.post("/api/recovery/verify", { code });
  await reset.post("/api/recovery/answer", { answer: "Rex" });
  const done = await reset.post("/api/recovery/password", { password: "Harbor-Lights-2031" });
  expect(done.status, done.text).toBe(200);
  const email = await backend.latest("email", JANE.login);
  expect(email.subject).toBe("FINRA TRAQS - Password reset");
  const token = LINK.exec(email.link ?? "")?.[1];
  if (!token) throw new Error(`No report link in ${email.link}`);
  return token;
}

const report = (token: string) => browser.post("/api/reports/suspicious-activity", { token });

function resultOf(response: ApiResponse): ReportResult["status"] {
  expect(response.status, response.text).toBe(200);
  return ReportResult.parse(response.json).status;
}

/** Jane's "Suspicious activity reported" entries in Recent Activity. */
const reports = () =>
  backend.read((state) => {
    const jane = state.users.find((u) => u.login === JANE.login);
    return state.activity.filter(
      (a) => a.userId === jane?.id && a.type === "suspicious_activity_reported",
    );
  });

describe("Report Suspicious Activity links", () => {
  it("record the report once; a second use says it was already reported", async () => {
    const token = await passwordResetEmailLink();
    expect(resultOf(await report(token))).toBe("RECORDED");
    expect(await reports()).toHaveLength(1);

    expect(resultOf(await report(token))).toBe("ALREADY_REPORTED");
    expect(resultOf(await report(token))).toBe("ALREADY_REPORTED");
    expect(await reports()).toHaveLength(1);
  });

  it("work for 30 days after the email", async () => {
    const token = await passwordResetEmailLink();
    await backend.advance(30 * DAY - 60);
    expect(resultOf(await report(token))).toBe("RECORDED");
  });

  it("expire after 30 days: 410 REPORT_LINK_EXPIRED, nothing recorded", async () => {
    const token = await passwordResetEmailLink();
    await backend.advance(30 * DAY + 60);
    apiError(await report(token), 410, "REPORT_LINK_EXPIRED");
    expect(await reports()).toEqual([]);
  });

  it("a used link, once expired, still says it was already reported", async () => {
    const token = await passwordResetEmailLink();
    expect(resultOf(await report(token))).toBe("RECORDED");
    await backend.advance(31 * DAY);
    expect(resultOf(await report(token))).toBe("ALREADY_REPORTED");
  });

  it("an unknown link: 404", async () => {
    apiError(await report("no-such-report-link"), 404, "NOT_FOUND");
  });
});
