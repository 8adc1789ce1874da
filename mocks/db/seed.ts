import { hashSecret, randomId, secretMatches, sha256 } from "../rules/crypto";
import { DAY, POLICY } from "../rules/policy";
import { buildUser, googleAuthenticator, phone, withPassword } from "./factories";
import { EMAIL_FOOTER, send } from "./outbox";
import { SCHEMA_VERSION, type MockState, type SecretHash, type User } from "./state";

export const SEED_PASSWORD = "Enrolled-Passw0rd-2024";
export const ALL_FACILITIES = ["TRACE-CA", "TRACE-SP", "TRACE-TS", "ADF", "ORF"];

/** The seeded accounts that the README documents: keep the two in step. */
export async function seedState(now: number): Promise<MockState> {
  const state: MockState = {
    schemaVersion: SCHEMA_VERSION,
    clockOffsetMs: 0,
    users: [],
    sessions: [],
    loginAttempts: {},
    recoveryEmails: {},
    challengeSends: {},
    refreshTokens: [],
    accessTokens: [],
    lastDownloads: {},
    outbox: [],
    activity: [],
  };

  const john = buildUser({
    login: "john.smith@yourfirm.org",
    firstName: "John",
    lastName: "Smith",
    status: "STAGED",
    traqsUsernames: [{ username: "JSMITH01", active: true }],
  });
  await invite(state, john, now);

  const passwordChanged = now - 30 * DAY;
  const jane = await withPassword(
    buildUser({
      login: "jane.doe@yourfirm.org",
      firstName: "Jane",
      lastName: "Doe",
      securityQuestion: {
        question: "What is the name of your first stuffed animal?",
        answer: await hashAnswer("Rex"),
      },
      methods: [
        googleAuthenticator("JBSWY3DPEHPK3PXP", passwordChanged),
        phone("+12025550143", "sms", passwordChanged),
      ],
      traqsUsernames: [
        { username: "JDOE01", active: true },
        { username: "JDOE02", active: false },
        { username: "JDOE03", active: true },
      ],
      apiFacilities: ALL_FACILITIES,
    }),
    SEED_PASSWORD,
    passwordChanged,
  );
  const [janeAuthenticator] = jane.methods;
  if (janeAuthenticator) jane.lastUsed = { methodId: janeAuthenticator.id, mode: "code" };

  const sam = await withPassword(
    buildUser({
      login: "sam.lee@yourfirm.org",
      firstName: "Sam",
      lastName: "Lee",
      securityQuestion: {
        question: "What is the food you least liked as a child?",
        answer: await hashAnswer("Broccoli"),
      },
      methods: [googleAuthenticator("KRSXG5CTMVRXEZLU", passwordChanged)],
      traqsUsernames: [{ username: "SLEE01", active: true }],
    }),
    SEED_PASSWORD,
    passwordChanged,
  );

  state.users.push(john, jane, sam);
  return state;
}

/**
 * The invitation email ("Welcome to Okta!") with its "Activate Okta Account" link, valid 30 days;
 * the user keeps only the link's hash. Returns the link.
 */
export async function invite(state: MockState, user: User, now: number): Promise<string> {
  const activationToken = randomId(32);
  user.activation = {
    tokenHash: await sha256(activationToken),
    expiresAt: now + POLICY.activationLinkDays * DAY,
    usedAt: null,
  };
  const activate = "Activate Okta Account";
  const link = `/activate/${activationToken}`;
  send(state, {
    channel: "email",
    to: user.email,
    userId: user.id,
    subject: "FINRA TRAQS - Welcome to Okta!",
    text:
      `Hi ${user.firstName},\n\nFINRA is using Okta to manage the Multi-Factor Authentication for TRAQS.\n` +
      "An Okta account for FINRA TRAQS access has been created for you.\n" +
      `Click the link below to activate your Okta account:\n\n${activate}\n\n` +
      `This link expires in ${POLICY.activationLinkDays} days.\n\n` +
      `Your Username (email address) is ${user.login}\n\n${EMAIL_FOOTER}`,
    link,
    linkText: activate,
    sentAt: now,
  });
  return link;
}

/** Security answers are compared without regard to case or surrounding spaces. */
export function hashAnswer(answer: string) {
  return hashSecret(normalAnswer(answer));
}

export function answerMatches(typed: string, stored: SecretHash) {
  return secretMatches(normalAnswer(typed), stored);
}

const normalAnswer = (answer: string) => answer.trim().toLowerCase();
