import { hashSecret, randomId, secretMatches, sha256 } from "../rules/crypto";
import { DAY, POLICY } from "../rules/policy";
import { buildUser, googleAuthenticator, phone, withPassword } from "./factories";
import { EMAIL_FOOTER, send } from "./outbox";
import { SCHEMA_VERSION, type MockState, type SecretHash } from "./state";

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
    mobilePassTokens: [],
    nasdaqSessions: [],
    nasdaqLoginAttempts: {},
    devMobilePass: [],
  };

  const activationToken = randomId(32);
  const john = buildUser({
    login: "john.smith@yourfirm.org",
    firstName: "John",
    lastName: "Smith",
    status: "STAGED",
    traqsUsernames: [{ username: "JSMITH01", active: true }],
    activation: {
      tokenHash: await sha256(activationToken),
      expiresAt: now + POLICY.activationLinkDays * DAY,
      usedAt: null,
    },
  });
  const activate = "Activate Okta Account";
  send(state, {
    channel: "email",
    to: john.email,
    userId: john.id,
    subject: "FINRA TRAQS - Welcome to Okta!",
    text:
      `Hi ${john.firstName},\n\nFINRA is using Okta to manage the Multi-Factor Authentication for TRAQS.\n` +
      "An Okta account for FINRA TRAQS access has been created for you.\n" +
      `Click the link below to activate your Okta account:\n\n${activate}\n\n` +
      `This link expires in ${POLICY.activationLinkDays} days.\n\n` +
      `Your Username (email address) is ${john.login}\n\n${EMAIL_FOOTER}`,
    link: `/activate/${activationToken}`,
    linkText: activate,
    sentAt: now,
  });

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
      nasdaqApplications: ["cms-web", "track"],
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
      nasdaqApplications: ["q-port"],
    }),
    SEED_PASSWORD,
    passwordChanged,
  );

  state.users.push(john, jane, sam);
  return state;
}

/** Security answers are compared without regard to case or surrounding spaces. */
export function hashAnswer(answer: string) {
  return hashSecret(normalAnswer(answer));
}

export function answerMatches(typed: string, stored: SecretHash) {
  return secretMatches(normalAnswer(typed), stored);
}

const normalAnswer = (answer: string) => answer.trim().toLowerCase();
