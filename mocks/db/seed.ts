import { hashSecret, secretMatches } from "../rules/crypto";
import { FACILITIES } from "../../src/api/contracts/admin";
import { everywhere } from "../rules/entitlements";
import { sendInvitation } from "../rules/order-form";
import { DAY } from "../rules/policy";
import { buildUser, googleAuthenticator, phone, withPassword } from "./factories";
import { SCHEMA_VERSION, type MockState, type SecretHash } from "./state";

export const SEED_PASSWORD = "Enrolled-Passw0rd-2024";
/** The firms of the seeded accounts; Large Broker's 10,000 users are generated on first use. */
export const YOUR_FIRM = "your-firm";
export const OTHER_FIRM = "other-firm";
export const LARGE_BROKER = "large-broker";
export const LARGE_BROKER_USERS = 10_000;

/** The seeded accounts that the README documents: keep the two in step. */
export async function seedState(now: number): Promise<MockState> {
  const state: MockState = {
    schemaVersion: SCHEMA_VERSION,
    clockOffsetMs: 0,
    users: [],
    firms: [
      { id: YOUR_FIRM, name: "Your Firm", domains: ["yourfirm.org"], ntfTestStartedAt: null },
      {
        id: OTHER_FIRM,
        name: "Other Firm",
        domains: ["otherfirm.example"],
        ntfTestStartedAt: now - 10 * DAY,
      },
      {
        id: LARGE_BROKER,
        name: "Large Broker",
        domains: ["largebroker.example"],
        ntfTestStartedAt: null,
        generatedUsers: LARGE_BROKER_USERS,
      },
    ],
    auditLog: [],
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

  const john = buildUser({
    login: "john.smith@yourfirm.org",
    firstName: "John",
    lastName: "Smith",
    status: "STAGED",
    firmId: YOUR_FIRM,
    traqsUsernames: [{ username: "JSMITH01", active: true }],
  });
  await sendInvitation(state, john, now);

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
      nasdaqApplications: ["cms-web", "track"],
      firmId: YOUR_FIRM,
      entitlements: everywhere(FACILITIES),
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
      firmId: YOUR_FIRM,
      traqsUsernames: [{ username: "SLEE01", active: true }],
      nasdaqApplications: ["q-port"],
    }),
    SEED_PASSWORD,
    passwordChanged,
  );

  state.users.push(john, jane, sam);
  state.users.push(...(await administrators(passwordChanged)));
  return state;
}

/** Pat Admin (Your Firm's SAA), Hank Help (the help desk), Olga Admin and Other Firm's users. */
async function administrators(passwordChanged: number) {
  const enrolled = async (
    login: string,
    firstName: string,
    lastName: string,
    key: string,
    more: Partial<Parameters<typeof buildUser>[0]> = {},
  ) => {
    const user = await withPassword(
      buildUser({
        login,
        firstName,
        lastName,
        methods: [googleAuthenticator(key, passwordChanged)],
        ...more,
      }),
      SEED_PASSWORD,
      passwordChanged,
    );
    const [authenticator] = user.methods;
    if (authenticator) user.lastUsed = { methodId: authenticator.id, mode: "code" };
    return user;
  };
  return [
    await enrolled("pat.admin@yourfirm.org", "Pat", "Admin", "KBQXIIDBMRWWS3TZ", {
      firmId: YOUR_FIRM,
      role: "firm-administrator",
      traqsUsernames: [{ username: "PADMIN01", active: true }],
    }),
    await enrolled("hank.help@support.example", "Hank", "Help", "NBUGK3DQMRSXG2ZR", {
      role: "help-desk",
    }),
    await enrolled("olga.admin@otherfirm.example", "Olga", "Admin", "N5WGOYLBMRWWS3TZ", {
      firmId: OTHER_FIRM,
      role: "firm-administrator",
      traqsUsernames: [{ username: "OADMIN01", active: true }],
    }),
    await enrolled("omar.ortiz@otherfirm.example", "Omar", "Ortiz", "MFRGGZDFMZTWQ2LK", {
      firmId: OTHER_FIRM,
      traqsUsernames: [{ username: "OORTIZ01", active: true }],
      entitlements: everywhere(["ADF", "ORF"]),
    }),
    await enrolled("olivia.owens@otherfirm.example", "Olivia", "Owens", "GEZDGNBVGY3TQOJQ", {
      firmId: OTHER_FIRM,
      traqsUsernames: [{ username: "OOWENS01", active: true }],
      entitlements: everywhere(["TRF"]),
    }),
  ];
}

/** Security answers are compared without regard to case or surrounding spaces. */
export function hashAnswer(answer: string) {
  return hashSecret(normalAnswer(answer));
}

export function answerMatches(typed: string, stored: SecretHash) {
  return secretMatches(normalAnswer(typed), stored);
}

const normalAnswer = (answer: string) => answer.trim().toLowerCase();
