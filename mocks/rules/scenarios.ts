import type {
  CreatedUser,
  CreateUserRequest,
  ScenarioMethodDetails,
} from "../../src/api/contracts/scenarios";
import { buildUser, googleAuthenticator, oktaVerify, phone, withPassword } from "../db/factories";
import { hashAnswer } from "../db/seed";
import { userByLogin } from "../db/sessions";
import type { AccessMethod, MockState } from "../db/state";
import { randomDigits, randomId } from "./crypto";
import { everywhere } from "./entitlements";
import { firmById } from "./firms";
import { sendInvitation } from "./order-form";
import { DAY, MINUTE, POLICY } from "./policy";
import { generateRecoveryCodes } from "./recovery-codes";
import { Refusal } from "./refusal";
import { newTotpSecret } from "./totp";

/** The security question of a scenario's user: the first of the list, with a known answer. */
const QUESTION = "What is the food you least liked as a child?";
const ANSWER = "Broccoli";

/** A password that meets every rule and shares nothing with the generated names. */
const newPassword = () => `Qa-${randomId(12)}-9z`;

/**
 * A user in the state a test describes (`POST /__dev/users`), built with the same factories as the
 * seed, and the secrets the test needs to drive it: its password, TOTP keys, phone numbers,
 * recovery codes, activation link. Null when the username is taken. Only the mock backend has this.
 */
export async function createScenarioUser(
  state: MockState,
  request: CreateUserRequest,
  now: number,
): Promise<CreatedUser | null> {
  const id = randomId(8).toLowerCase();
  const login = (request.login ?? `qa.${id}@example.test`).toLowerCase();
  if (userByLogin(state, login)) return null;
  if (request.firmId && !firmById(state, request.firmId))
    throw new Refusal(400, "VALIDATION", "No such firm.", { fields: { firmId: "No such firm." } });
  const invited = request.state === "invited";
  const base = buildUser({
    login,
    firstName: request.firstName ?? "Quinn",
    lastName: request.lastName ?? "Tester",
    status: invited ? "STAGED" : "ACTIVE",
    traqsUsernames: request.traqsUsernames ?? [{ username: `QA${randomDigits(6)}`, active: true }],
    entitlements: everywhere(request.apiFacilities ?? []),
    firmId: request.firmId ?? null,
    ...(request.role ? { role: request.role } : {}),
  });

  const created: CreatedUser = {
    id: base.id,
    login,
    firstName: base.firstName,
    lastName: base.lastName,
    state: invited ? "invited" : "enrolled",
    password: null,
    securityQuestion: null,
    methods: [],
    recoveryCodes: null,
    activationLink: null,
    lockedUntil: null,
  };

  if (invited) {
    state.users.push(base);
    created.activationLink = await sendInvitation(state, base, now);
    return created;
  }

  const password = request.password ?? newPassword();
  const changedAt = now - (request.passwordChangedDaysAgo ?? 30) * DAY;
  const user = await withPassword(base, password, changedAt);
  user.securityQuestion = { question: QUESTION, answer: await hashAnswer(ANSWER) };
  const made = (request.methods ?? ["google_authenticator"]).map(
    (kind, i): [AccessMethod, ScenarioMethodDetails] => {
      if (kind === "google_authenticator") {
        const method = googleAuthenticator(newTotpSecret(), changedAt);
        return [method, { id: method.id, type: method.type, secret: method.secret }];
      }
      if (kind === "okta_verify") {
        const method = oktaVerify(`QA phone ${i + 1}`, newTotpSecret(), changedAt);
        const { id, type, secret, deviceName } = method;
        return [method, { id, type, secret, deviceName }];
      }
      // A number in the range set aside for fiction (555-0100 to 555-0199 and beyond), per phone.
      const method = phone(`+1202555${randomDigits(4)}`, kind, changedAt);
      return [method, { id: method.id, type: method.type, e164: method.e164, channel: kind }];
    },
  );
  user.methods = made.map(([method]) => method);
  const [first] = user.methods;
  if (first) user.lastUsed = { methodId: first.id, mode: "code" };
  state.users.push(user);

  if (request.recoveryCodes)
    created.recoveryCodes = await generateRecoveryCodes({ state, now, userAgent: "QA" }, user);
  if (request.locked) {
    const lockedUntil = now + POLICY.lockoutMinutes * MINUTE;
    state.loginAttempts[login] = { failures: 0, lockedUntil };
    created.lockedUntil = new Date(lockedUntil).toISOString();
  }
  created.password = password;
  created.securityQuestion = { question: QUESTION, answer: ANSWER };
  created.methods = made.map(([, details]) => details);
  return created;
}
