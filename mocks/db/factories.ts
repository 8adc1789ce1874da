import { hashSecret, randomId } from "../rules/crypto";
import type { GoogleAuthenticatorMethod, OktaVerifyMethod, PhoneMethod, User } from "./state";

/** A user with sensible defaults; tests and the seed override what matters to them. */
export function buildUser(overrides: Partial<User> & Pick<User, "login">): User {
  return {
    id: randomId(),
    email: overrides.login,
    firstName: "Test",
    lastName: "User",
    status: "ACTIVE",
    passwordHistory: [],
    methods: [],
    sendPushAutomatically: false,
    traqsUsernames: [],
    nasdaqApplications: [],
    firmId: null,
    entitlements: [],
    language: null,
    preferences: { layout: "comfortable", messageSeconds: 8 },
    ...overrides,
  };
}

/** Sets a password as an enrolled user would have it: current, in the history, with its date. */
export async function withPassword(user: User, password: string, changedAt: number): Promise<User> {
  const hashed = await hashSecret(password);
  return { ...user, password: hashed, passwordHistory: [hashed], passwordChangedAt: changedAt };
}

export function googleAuthenticator(secret: string, createdAt: number): GoogleAuthenticatorMethod {
  return { id: randomId(), type: "google_authenticator", secret, lastUsedStep: 0, createdAt };
}

export function oktaVerify(
  deviceName: string,
  secret: string,
  createdAt: number,
): OktaVerifyMethod {
  return { id: randomId(), type: "okta_verify", deviceName, secret, lastUsedStep: 0, createdAt };
}

export function phone(
  e164: string,
  channel: "sms" | "voice",
  createdAt: number,
  extension?: string,
): PhoneMethod {
  return {
    id: randomId(),
    type: "phone",
    channel,
    e164,
    createdAt,
    ...(extension ? { extension } : {}),
  };
}
