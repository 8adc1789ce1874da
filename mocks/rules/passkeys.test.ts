import { describe, expect, it } from "vitest";
import { buildUser } from "../db/factories";
import { startSession } from "../db/sessions";
import type { MockState, PasskeyMethod, Session, User } from "../db/state";
import { SoftAuthenticator, type Bend } from "../testing/authenticator";
import {
  authenticationOptions,
  newChallenge,
  newSignInChallenge,
  PASSKEY_POLICY,
  PasskeyRefused,
  passkeyName,
  passkeyOf,
  registrationOptions,
  takeChallenge,
  takeSignInChallenge,
  verifyAssertion,
  verifyRegistration,
  type RelyingParty,
} from "./passkeys";
import { newSealingKey } from "./crypto";
import { MINUTE } from "./policy";

const RP: RelyingParty = { id: "localhost", origin: "http://localhost" };
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

function newSession(): Session {
  return startSession({ sessions: [] } as unknown as MockState, NOW, "test");
}

/** Registers a software passkey for a new user, the way the set-up handler does. */
async function registered(authenticator?: SoftAuthenticator) {
  const user = buildUser({ login: "pat@yourfirm.org" });
  const device = authenticator ?? (await SoftAuthenticator.create());
  const session = newSession();
  const options = await registrationOptions(RP, user, newChallenge(session, "register", NOW));
  const passkey = await verifyRegistration(
    RP,
    takeChallenge(session, "register", NOW),
    await device.register(options),
    { user, userAgent: CHROME_LINUX, now: NOW },
  );
  user.methods.push(passkey);
  return { user, device, passkey, session };
}

/** One authentication ceremony with the device, bent as asked; resolves once verified. */
async function signInWith(
  setup: { user: User; device: SoftAuthenticator; passkey: PasskeyMethod },
  bend: Bend = {},
) {
  const session = newSession();
  const options = await authenticationOptions(
    RP,
    setup.user,
    newChallenge(session, "sign-in", NOW),
  );
  const assertion = await setup.device.assert(options, bend);
  return verifyAssertion(RP, takeChallenge(session, "sign-in", NOW), assertion, setup.passkey, NOW);
}

async function refusal(promise: Promise<unknown>): Promise<PasskeyRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PasskeyRefused);
  return error as PasskeyRefused;
}

describe("passkey challenges (SECURITY 27)", () => {
  it("are 32 random bytes, different each time, for one ceremony", () => {
    const session = newSession();
    const first = newChallenge(session, "sign-in", NOW);
    const second = newChallenge(session, "sign-in", NOW);
    expect(first.length).toBeGreaterThanOrEqual(16);
    expect(first.length).toBe(PASSKEY_POLICY.challengeBytes);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    expect(session.passkeyChallenge?.ceremony).toBe("sign-in");
  });

  it("are used once: taking it again is refused", () => {
    const session = newSession();
    newChallenge(session, "sign-in", NOW);
    expect(takeChallenge(session, "sign-in", NOW)).toMatch(/^[\w-]{43}$/);
    expect(() => takeChallenge(session, "sign-in", NOW)).toThrow(PasskeyRefused);
  });

  it("expire after 5 minutes", () => {
    const session = newSession();
    newChallenge(session, "sign-in", NOW);
    expect(() =>
      takeChallenge(session, "sign-in", NOW + PASSKEY_POLICY.challengeMinutes * MINUTE + 1),
    ).toThrow(/expired/);
  });

  it("serve only the ceremony they were made for", () => {
    const session = newSession();
    newChallenge(session, "register", NOW);
    expect(() => takeChallenge(session, "step-up", NOW)).toThrow(PasskeyRefused);
    // And the attempt used it up.
    expect(session.passkeyChallenge).toBeNull();
  });
});

describe("sign-in challenges with no session yet (the button, autofill)", () => {
  const state = () => ({}) as MockState;
  const clientData = (challenge: string) =>
    Buffer.from(JSON.stringify({ type: "webauthn.get", challenge })).toString("base64url");
  const handOut = async (key: CryptoKey, now = NOW) =>
    Buffer.from(await newSignInChallenge(key, now)).toString("base64url");

  it("are taken once, by the challenge the client data names", async () => {
    const [db, key] = [state(), await newSealingKey()];
    const challenge = await handOut(key);
    expect(await takeSignInChallenge(db, key, clientData(challenge), NOW)).toBe(challenge);
    await expect(takeSignInChallenge(db, key, clientData(challenge), NOW)).rejects.toThrow(
      /used already/,
    );
  });

  it("refuse one never handed out, one sealed under another key, one expired, unreadable data", async () => {
    const [db, key] = [state(), await newSealingKey()];
    const challenge = await handOut(key);
    await expect(takeSignInChallenge(db, key, clientData("AAAA"), NOW)).rejects.toThrow(
      PasskeyRefused,
    );
    const elsewhere = await handOut(await newSealingKey());
    await expect(takeSignInChallenge(db, key, clientData(elsewhere), NOW)).rejects.toThrow(
      /No sign-in challenge/,
    );
    const later = NOW + PASSKEY_POLICY.challengeMinutes * MINUTE + 1;
    await expect(takeSignInChallenge(db, key, clientData(challenge), later)).rejects.toThrow(
      /expired/,
    );
    await expect(takeSignInChallenge(db, key, "not base64url json", NOW)).rejects.toThrow(
      PasskeyRefused,
    );
  });

  it("are all different, and no number of others handed out pushes one out", async () => {
    const [db, key] = [state(), await newSealingKey()];
    const waiting = await handOut(key);
    const others = await Promise.all(Array.from({ length: 2000 }, () => handOut(key)));
    expect(new Set([waiting, ...others]).size).toBe(2001);
    expect(await takeSignInChallenge(db, key, clientData(waiting), NOW)).toBe(waiting);
    // Only used ones are remembered, and only until they expire.
    const later = NOW + PASSKEY_POLICY.challengeMinutes * MINUTE + 1;
    await expect(takeSignInChallenge(db, key, clientData(others[0]!), later)).rejects.toThrow(
      /expired/,
    );
    expect(db.passkeySignInChallengesUsed?.length).toBe(1);
  });
});

describe("registration (WebAuthn L3 §7.1)", () => {
  it("asks for a discoverable credential with user verification on the app's host", async () => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    const options = await registrationOptions(
      RP,
      user,
      newChallenge(newSession(), "register", NOW),
    );
    expect(options.rp.id).toBe("localhost");
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -8, -257]);
    expect(options).toMatchObject({
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      attestation: "none",
    });
  });

  it("keeps the public key, counter, backup flags, AAGUID and a name", async () => {
    const synced = await SoftAuthenticator.create(RP.origin, { synced: true });
    const { passkey } = await registered(synced);
    expect(passkey).toMatchObject({
      type: "passkey",
      credentialId: synced.id,
      counter: 0,
      transports: ["internal"],
      backupEligible: true,
      backedUp: true,
      aaguid: "00000000-0000-0000-0000-000000000000",
      name: "Chrome on Linux",
      createdAt: NOW,
      lastUsedAt: null,
    });
  });

  it("names a passkey after a known authenticator's AAGUID, and numbers a second one", async () => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    expect(passkeyName(user, "fbfc3007-154e-4ecc-8c0b-6e020557d7bd", CHROME_LINUX)).toBe(
      "iCloud Keychain",
    );
    const { user: owner } = await registered();
    expect(passkeyName(owner, "unknown", CHROME_LINUX)).toBe("Chrome on Linux 2");
  });

  const refusedRegistration = async (bend: Bend) => {
    const user = buildUser({ login: "pat@yourfirm.org" });
    const device = await SoftAuthenticator.create();
    const session = newSession();
    const options = await registrationOptions(RP, user, newChallenge(session, "register", NOW));
    return refusal(
      verifyRegistration(
        RP,
        takeChallenge(session, "register", NOW),
        await device.register(options, bend),
        { user, userAgent: CHROME_LINUX, now: NOW },
      ),
    );
  };

  it("refuses another origin", async () => {
    expect((await refusedRegistration({ origin: "https://evil.example" })).message).toMatch(
      /origin/i,
    );
  });

  it("refuses another RP ID", async () => {
    expect((await refusedRegistration({ rpId: "evil.example" })).message).toMatch(/RP ID/);
  });

  it("refuses a credential made without user verification", async () => {
    expect((await refusedRegistration({ userVerified: false })).reason).toBe("user_verification");
  });

  it("refuses a response over another challenge", async () => {
    expect((await refusedRegistration({ challenge: "AAAA" })).message).toMatch(/challenge/i);
  });

  it("refuses an assertion sent in place of a registration", async () => {
    expect((await refusedRegistration({ type: "webauthn.get" })).message).toMatch(/type/i);
  });
});

describe("authentication (WebAuthn L3 §7.2, SECURITY 27, 28)", () => {
  it("accepts a good assertion and keeps its counter and when it was used", async () => {
    const setup = await registered();
    await signInWith(setup);
    expect(setup.passkey.counter).toBe(1);
    expect(setup.passkey.lastUsedAt).toBe(NOW);
    await signInWith(setup);
    expect(setup.passkey.counter).toBe(2);
  });

  it("refuses another origin (a phishing site relaying the ceremony)", async () => {
    const error = await refusal(signInWith(await registered(), { origin: "https://evil.example" }));
    expect(error.message).toMatch(/origin/i);
  });

  it("refuses an RP ID hash of another RP ID", async () => {
    const error = await refusal(signInWith(await registered(), { rpId: "evil.example" }));
    expect(error.message).toMatch(/RP ID/);
  });

  it("refuses a passkey made for another RP ID, even when it signs for the RP asking", async () => {
    const setup = await registered();
    expect(setup.passkey.rpId).toBe("localhost");
    // The same server reached by another name: a browser would not offer the passkey there.
    const elsewhere: RelyingParty = { id: "evil.example", origin: "http://evil.example" };
    const session = newSession();
    const options = await authenticationOptions(
      elsewhere,
      setup.user,
      newChallenge(session, "sign-in", NOW),
    );
    const assertion = await setup.device.assert(options);
    const error = await refusal(
      verifyAssertion(
        elsewhere,
        takeChallenge(session, "sign-in", NOW),
        assertion,
        setup.passkey,
        NOW,
      ),
    );
    expect(error.reason).toBe("credential");
    expect(setup.passkey.lastUsedAt).toBeNull();
  });

  it("refuses an assertion without user verification", async () => {
    const error = await refusal(signInWith(await registered(), { userVerified: false }));
    expect(error.reason).toBe("user_verification");
  });

  it("refuses a signature that does not verify with the stored public key", async () => {
    const setup = await registered();
    const error = await refusal(signInWith(setup, { badSignature: true }));
    expect(error.message).toMatch(/signature/i);
    expect(setup.passkey.counter).toBe(0);
    expect(setup.passkey.lastUsedAt).toBeNull();
  });

  it("refuses an assertion signed by another key (another user's passkey)", async () => {
    const setup = await registered();
    const other = await SoftAuthenticator.create();
    const error = await refusal(signInWith({ ...setup, device: other }));
    expect(["signature", "verification"]).toContain(error.reason);
    // And the other's credential is not one of this user's.
    expect(passkeyOf(setup.user, other.id)).toBeNull();
  });

  it("refuses an assertion over another challenge, and a replayed one", async () => {
    const setup = await registered();
    const session = newSession();
    const options = await authenticationOptions(
      RP,
      setup.user,
      newChallenge(session, "sign-in", NOW),
    );
    const assertion = await setup.device.assert(options);
    await verifyAssertion(
      RP,
      takeChallenge(session, "sign-in", NOW),
      assertion,
      setup.passkey,
      NOW,
    );
    // Replayed: its challenge is gone...
    expect(() => takeChallenge(session, "sign-in", NOW)).toThrow(PasskeyRefused);
    // ...and against a fresh challenge it does not match.
    newChallenge(session, "sign-in", NOW);
    const replay = await refusal(
      verifyAssertion(RP, takeChallenge(session, "sign-in", NOW), assertion, setup.passkey, NOW),
    );
    expect(replay.message).toMatch(/challenge/i);
  });

  it("refuses a registration response type", async () => {
    const error = await refusal(signInWith(await registered(), { type: "webauthn.create" }));
    expect(error.message).toMatch(/type/i);
  });

  it("refuses a counter that goes backwards (a cloned authenticator), or stays the same", async () => {
    const setup = await registered();
    await signInWith(setup, { counter: 5 });
    expect((await refusal(signInWith(setup, { counter: 3 }))).reason).toBe("counter");
    expect((await refusal(signInWith(setup, { counter: 5 }))).reason).toBe("counter");
    expect(setup.passkey.counter).toBe(5);
    await signInWith(setup, { counter: 6 });
    expect(setup.passkey.counter).toBe(6);
  });

  it("accepts an authenticator that keeps no counter (always zero)", async () => {
    const setup = await registered();
    await signInWith(setup, { counter: 0 });
    await signInWith(setup, { counter: 0 });
    expect(setup.passkey.counter).toBe(0);
  });
});
