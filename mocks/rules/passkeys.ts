import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import type {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from "../../src/api/contracts/passkeys";
import type { MockState, PasskeyChallenge, PasskeyMethod, Session, User } from "../db/state";
import { describeClient } from "./client-info";
import { randomId, seal, unseal } from "./crypto";
import { MINUTE } from "./policy";

/** The passkey rules (SECURITY 27, 28): the numbers in one place. */
export const PASSKEY_POLICY = {
  maxPerUser: 10,
  /** WebAuthn L3 §13.4.3: at least 16 random bytes; 32 here. */
  challengeBytes: 32,
  challengeMinutes: 5,
};

/**
 * The relying party: its ID is the app's host, and the one origin accepted is the app's own. The
 * mock answers on the app's origin (in the page, behind the preview's proxy, or in Vitest), so it
 * reads both from the URL it was addressed as; a real backend has them configured. That URL can
 * only name this machine (the local server answers to its own names only, mocks/server.ts), and a
 * passkey keeps the RP ID it was made for, so one made under one name signs in under no other.
 */
export type RelyingParty = { id: string; origin: string };

export function relyingPartyOf(request: Request): RelyingParty {
  const url = new URL(request.url);
  return { id: url.hostname, origin: url.origin };
}

/** Why a passkey was refused: the check that failed (kept for Recent Activity and the tests). */
export class PasskeyRefused extends Error {
  constructor(
    readonly reason:
      "challenge" | "credential" | "verification" | "signature" | "user_verification" | "counter",
    message: string,
  ) {
    super(message);
  }
}

function challengeFor(ceremony: PasskeyChallenge["ceremony"], now: number) {
  const bytes = crypto.getRandomValues(new Uint8Array(PASSKEY_POLICY.challengeBytes));
  const held: PasskeyChallenge = {
    challenge: isoBase64URL.fromBuffer(bytes),
    ceremony,
    expiresAt: now + PASSKEY_POLICY.challengeMinutes * MINUTE,
  };
  return { bytes, held };
}

/** A new challenge for one ceremony; it replaces any earlier one of this session. */
export function newChallenge(
  session: Session,
  ceremony: PasskeyChallenge["ceremony"],
  now: number,
): Uint8Array<ArrayBuffer> {
  const { bytes, held } = challengeFor(ceremony, now);
  session.passkeyChallenge = held;
  return bytes;
}

/**
 * A challenge for a sign-in with no username yet, which has no session to keep it in: 32 random
 * bytes and its expiry, sealed with the backend's key (AES-GCM). It is not stored while it waits,
 * so no number of requests for others can push it out; the seal proves it was handed out here.
 */
export async function newSignInChallenge(
  key: CryptoKey,
  now: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const { held } = challengeFor("sign-in", now);
  const sealed = await seal(key, `${held.challenge}.${held.expiresAt}`);
  return isoUint8Array.fromUTF8String(sealed) as Uint8Array<ArrayBuffer>;
}

/**
 * Takes the sign-in challenge an assertion's clientDataJSON names, if it was sealed here and has
 * not expired: used once, whatever the outcome (remembered as used until it expires).
 */
export async function takeSignInChallenge(
  state: MockState,
  key: CryptoKey,
  clientDataJSON: string,
  now: number,
): Promise<string> {
  let named: unknown;
  try {
    named = decodeClientDataJSON(clientDataJSON).challenge;
  } catch {
    throw new PasskeyRefused("challenge", "The client data cannot be read.");
  }
  const opened =
    typeof named === "string" && isoBase64URL.isBase64URL(named)
      ? await unseal(key, isoUint8Array.toUTF8String(isoBase64URL.toBuffer(named)))
      : null;
  const expiresAt = Number(opened?.split(".")[1]);
  if (typeof named !== "string" || !Number.isFinite(expiresAt))
    throw new PasskeyRefused("challenge", "No sign-in challenge is waiting for this one.");
  const used = (state.passkeySignInChallengesUsed ?? []).filter((c) => c.expiresAt >= now);
  state.passkeySignInChallengesUsed = used;
  if (used.some((c) => c.challenge === named))
    throw new PasskeyRefused("challenge", "This sign-in challenge was used already.");
  used.push({ challenge: named, expiresAt });
  if (now > expiresAt) throw new PasskeyRefused("challenge", "The sign-in challenge has expired.");
  return named;
}

/** Takes this session's challenge for `ceremony`: used once, whatever the outcome. */
export function takeChallenge(
  session: Session,
  ceremony: PasskeyChallenge["ceremony"],
  now: number,
): string {
  const held = session.passkeyChallenge;
  session.passkeyChallenge = null;
  if (!held || held.ceremony !== ceremony) {
    throw new PasskeyRefused("challenge", "No passkey challenge is waiting for this step.");
  }
  if (now > held.expiresAt) throw new PasskeyRefused("challenge", "The challenge has expired.");
  return held.challenge;
}

const passkeysOf = (user: User) =>
  user.methods.filter((m): m is PasskeyMethod => m.type === "passkey");

const descriptor = (m: PasskeyMethod) => ({
  id: m.credentialId,
  ...(m.transports.length ? { transports: m.transports as AuthenticatorTransport[] } : {}),
});

/** The user handle of a user's passkeys: their id, which says nothing about them. */
export const userHandleOf = (user: User) =>
  isoBase64URL.fromBuffer(isoUint8Array.fromUTF8String(user.id));

/** COSE algorithms, most preferred first: ES256 (every authenticator has it), EdDSA, RS256. */
const SUPPORTED_ALGORITHMS = [-7, -8, -257];

/** Registration asks for a discoverable credential with user verification, on this RP ID. */
export async function registrationOptions(
  rp: RelyingParty,
  user: User,
  challenge: Uint8Array<ArrayBuffer>,
): Promise<PasskeyCreationOptions> {
  return generateRegistrationOptions({
    rpName: "FINRA TRAQS",
    rpID: rp.id,
    userName: user.login,
    userDisplayName: `${user.firstName} ${user.lastName}`,
    userID: isoUint8Array.fromUTF8String(user.id),
    challenge,
    timeout: PASSKEY_POLICY.challengeMinutes * MINUTE,
    attestationType: "none",
    // The same list wherever the mock runs: the library would add ML-DSA where the runtime has it
    // (a browser, not Node), and the page's mock and the local server would then differ.
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    excludeCredentials: passkeysOf(user).map(descriptor),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  }) as Promise<PasskeyCreationOptions>;
}

/** Authentication: with a user known (a second factor), only their passkeys are allowed. */
export async function authenticationOptions(
  rp: RelyingParty,
  user: User | null,
  challenge: Uint8Array<ArrayBuffer>,
): Promise<PasskeyRequestOptions> {
  return generateAuthenticationOptions({
    rpID: rp.id,
    challenge,
    timeout: PASSKEY_POLICY.challengeMinutes * MINUTE,
    userVerification: "required",
    allowCredentials: user ? passkeysOf(user).map(descriptor) : [],
  }) as Promise<PasskeyRequestOptions>;
}

/** A few well-known authenticators by AAGUID (FIDO MDS, passkey provider list); else the browser. */
const AAGUID_NAMES: Record<string, string> = {
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "adce0002-35bc-c60a-648b-0b25f1f05503": "Chrome on Mac",
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "iCloud Keychain",
  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
  "9ddd1817-af5a-4672-a2b9-3e3dd95000a9": "Windows Hello",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
  "bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
  "d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
  "531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
  "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
};

/** The name a new passkey gets: its authenticator's, else "Chrome on Linux"; "2" if taken. */
export function passkeyName(user: User, aaguid: string, userAgent: string): string {
  const base = AAGUID_NAMES[aaguid] ?? describeClient(userAgent);
  const taken = new Set(passkeysOf(user).map((m) => m.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  return name;
}

/** Runs a library check; its refusal (a thrown error) becomes a PasskeyRefused. */
async function refusedUnless<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /user verification/i.test(message) ? "user_verification" : "verification";
    throw new PasskeyRefused(reason, message);
  }
}

/**
 * Verifies a new passkey (WebAuthn L3 §7.1): its clientDataJSON type, challenge and origin, the RP
 * ID hash, user presence and verification, and the attestation ("none", or a self-signature).
 */
export async function verifyRegistration(
  rp: RelyingParty,
  expectedChallenge: string,
  response: PasskeyRegistration,
  owner: { user: User; userAgent: string; now: number },
): Promise<PasskeyMethod> {
  const result = await refusedUnless(() =>
    verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    }),
  );
  if (!result.verified) throw new PasskeyRefused("verification", "The passkey was not verified.");
  const info = result.registrationInfo;
  return {
    id: randomId(),
    type: "passkey",
    credentialId: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    counter: info.credential.counter,
    transports: response.response.transports ?? [],
    backupEligible: info.credentialDeviceType === "multiDevice",
    backedUp: info.credentialBackedUp,
    aaguid: info.aaguid,
    rpId: rp.id,
    name: passkeyName(owner.user, info.aaguid, owner.userAgent),
    createdAt: owner.now,
    lastUsedAt: null,
  };
}

/** The passkey an assertion names, among this user's; another user's is not found. */
export function passkeyOf(user: User, credentialId: string): PasskeyMethod | null {
  return passkeysOf(user).find((m) => m.credentialId === credentialId) ?? null;
}

/**
 * Verifies an assertion (WebAuthn L3 §7.2) with the stored public key: clientDataJSON type,
 * challenge and origin, the RP ID hash, user verification, the signature, and then the signature
 * counter. A counter that does not move forward (when either is non-zero) means a cloned
 * authenticator (§6.1.1): refused, with reason "counter" so that the caller alerts the user. The
 * stored passkey is updated only when everything holds. A passkey made for another RP ID is
 * refused whatever it signs (SECURITY 28).
 */
export async function verifyAssertion(
  rp: RelyingParty,
  expectedChallenge: string,
  response: PasskeyAssertion,
  passkey: PasskeyMethod,
  now: number,
): Promise<void> {
  if (passkey.rpId !== undefined && passkey.rpId !== rp.id)
    throw new PasskeyRefused("credential", `This passkey was made for ${passkey.rpId}.`);
  const result = await refusedUnless(() =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      // The counter is compared below, after the signature: an unsigned counter proves nothing.
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: 0,
      },
    }),
  );
  if (!result.verified) throw new PasskeyRefused("signature", "The signature does not verify.");
  const info = result.authenticationInfo;
  if ((info.newCounter > 0 || passkey.counter > 0) && info.newCounter <= passkey.counter) {
    throw new PasskeyRefused(
      "counter",
      `The signature counter went from ${passkey.counter} to ${info.newCounter}.`,
    );
  }
  passkey.counter = info.newCounter;
  passkey.backedUp = info.credentialBackedUp;
  passkey.lastUsedAt = now;
}
