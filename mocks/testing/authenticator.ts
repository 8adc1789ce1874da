import { isoBase64URL, isoCBOR, isoUint8Array } from "@simplewebauthn/server/helpers";
import type {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistration,
  PasskeyRequestOptions,
} from "../../src/api/contracts/passkeys";

const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 };

/** What a test may bend in one ceremony, to see the verifier refuse it. */
export type Bend = {
  /** The origin the "browser" writes into clientDataJSON (default: the authenticator's). */
  origin?: string;
  /** The RP ID whose hash goes into authenticatorData (default: the options' one). */
  rpId?: string;
  /** The clientDataJSON type (default: webauthn.create / webauthn.get). */
  type?: string;
  /** The challenge signed over (default: the options' one). */
  challenge?: string;
  userVerified?: boolean;
  /** The signature counter sent (default: one more than the last). */
  counter?: number;
  /** Flip a bit of the signature. */
  badSignature?: boolean;
  /** The user handle sent with an assertion (default: the one registered). */
  userHandle?: string;
};

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));

const u32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** WebCrypto signs ECDSA as r‖s; WebAuthn sends it ASN.1 DER encoded (WebAuthn L3 §6.5.5). */
function derSignature(raw: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const integer = (bytes: Uint8Array<ArrayBuffer>) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let body = bytes.slice(start);
    if ((body[0] ?? 0) & 0x80) body = isoUint8Array.concat([new Uint8Array([0]), body]);
    return isoUint8Array.concat([new Uint8Array([0x02, body.length]), body]);
  };
  const seq = isoUint8Array.concat([integer(raw.slice(0, 32)), integer(raw.slice(32))]);
  return isoUint8Array.concat([new Uint8Array([0x30, seq.length]), seq]);
}

/**
 * A software passkey for the tests: an ES256 key pair from WebCrypto, "none" attestation, and
 * authenticatorData / clientDataJSON built byte by byte as an authenticator and a browser would.
 */
export class SoftAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  counter = 0;
  userHandle: string | undefined;

  private constructor(
    private readonly keys: CryptoKeyPair,
    readonly origin: string,
    readonly aaguid: Uint8Array<ArrayBuffer> = new Uint8Array(16),
    readonly synced = false,
  ) {}

  static async create(
    origin = "http://localhost",
    options: { aaguid?: Uint8Array<ArrayBuffer>; synced?: boolean } = {},
  ) {
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
      "verify",
    ]);
    return new SoftAuthenticator(keys, origin, options.aaguid, options.synced);
  }

  get id(): string {
    return isoBase64URL.fromBuffer(this.credentialId);
  }

  private clientData(type: string, challenge: string, bend: Bend) {
    return isoUint8Array.fromUTF8String(
      JSON.stringify({
        type: bend.type ?? type,
        challenge: bend.challenge ?? challenge,
        origin: bend.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }

  private async authData(rpId: string, bend: Bend, attested?: Uint8Array<ArrayBuffer>) {
    let flags = FLAG.UP | (bend.userVerified === false ? 0 : FLAG.UV);
    if (this.synced) flags |= FLAG.BE | FLAG.BS;
    if (attested) flags |= FLAG.AT;
    const counter = bend.counter ?? (this.counter === 0 && attested ? 0 : this.counter + 1);
    if (!attested) this.counter = counter;
    const rpIdHash = await sha256(isoUint8Array.fromUTF8String(bend.rpId ?? rpId));
    return isoUint8Array.concat([
      rpIdHash,
      new Uint8Array([flags]),
      u32(counter),
      ...(attested ? [attested] : []),
    ]);
  }

  private async coseKey(): Promise<Uint8Array<ArrayBuffer>> {
    const jwk = await crypto.subtle.exportKey("jwk", this.keys.publicKey);
    const cose = new Map<number, number | Uint8Array<ArrayBuffer>>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, isoBase64URL.toBuffer(jwk.x ?? "")],
      [-3, isoBase64URL.toBuffer(jwk.y ?? "")],
    ]);
    return isoCBOR.encode(cose);
  }

  /** navigator.credentials.create(): a new credential, in RegistrationResponseJSON form. */
  async register(options: PasskeyCreationOptions, bend: Bend = {}): Promise<PasskeyRegistration> {
    const attested = isoUint8Array.concat([
      this.aaguid,
      new Uint8Array([0, this.credentialId.length]),
      this.credentialId,
      await this.coseKey(),
    ]);
    const authData = await this.authData(options.rp.id ?? "localhost", bend, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array<ArrayBuffer> | Map<string, never>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, never>()],
        ["authData", authData],
      ]),
    );
    this.userHandle = options.user.id;
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(
          this.clientData("webauthn.create", options.challenge, bend),
        ),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ["internal"],
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(): an assertion signed over authenticatorData ‖ SHA-256(clientData). */
  async assert(options: PasskeyRequestOptions, bend: Bend = {}): Promise<PasskeyAssertion> {
    const authData = await this.authData(options.rpId ?? "localhost", bend);
    const clientData = this.clientData("webauthn.get", options.challenge, bend);
    const signed = isoUint8Array.concat([authData, await sha256(clientData)]);
    const raw = new Uint8Array(
      await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        this.keys.privateKey,
        signed as Uint8Array<ArrayBuffer>,
      ),
    );
    if (bend.badSignature) raw[10] = (raw[10] ?? 0) ^ 1;
    const userHandle = bend.userHandle ?? this.userHandle;
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientData),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(derSignature(raw)),
        ...(userHandle ? { userHandle } : {}),
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }
}
