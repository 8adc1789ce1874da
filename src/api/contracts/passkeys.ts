import * as z from "zod/mini";

/**
 * Passkeys (WebAuthn L3): the options the backend hands to `navigator.credentials.create/get` and
 * the credential the browser sends back, in the JSON form of WebAuthn L3 §5.1 (binary as
 * base64url). The backend checks every byte of them; these schemas only bound their shape.
 */
const Base64Url = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[\w-]*$/));

const Transports = z.array(z.string().check(z.maxLength(20))).check(z.maxLength(10));
const CredentialDescriptor = z.object({
  id: Base64Url(1400),
  type: z.literal("public-key"),
  transports: z.optional(Transports),
});

/** PublicKeyCredentialCreationOptionsJSON: what registering a passkey asks the authenticator. */
export const PasskeyCreationOptions = z.looseObject({
  challenge: Base64Url(200),
  rp: z.object({ id: z.optional(z.string()), name: z.string() }),
  user: z.object({ id: Base64Url(100), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ type: z.literal("public-key"), alg: z.number() })),
  excludeCredentials: z.optional(z.array(CredentialDescriptor)),
});
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** PublicKeyCredentialRequestOptionsJSON: what signing in with a passkey asks. */
export const PasskeyRequestOptions = z.looseObject({
  challenge: Base64Url(200),
  rpId: z.optional(z.string()),
  allowCredentials: z.optional(z.array(CredentialDescriptor)),
  userVerification: z.optional(z.string()),
  timeout: z.optional(z.number()),
});
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

const ClientExtensionResults = z.record(z.string(), z.unknown());

/** RegistrationResponseJSON: a new passkey, with its attestation ("none" is enough here). */
export const PasskeyRegistration = z.object({
  id: Base64Url(1400),
  rawId: Base64Url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: Base64Url(4000),
    attestationObject: Base64Url(16000),
    transports: z.optional(Transports),
  }),
  authenticatorAttachment: z.optional(z.enum(["platform", "cross-platform"])),
  clientExtensionResults: ClientExtensionResults,
});
export type PasskeyRegistration = z.infer<typeof PasskeyRegistration>;

/** AuthenticationResponseJSON: a signed assertion over the backend's challenge. */
export const PasskeyAssertion = z.object({
  id: Base64Url(1400),
  rawId: Base64Url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: Base64Url(4000),
    authenticatorData: Base64Url(4000),
    signature: Base64Url(2000),
    userHandle: z.optional(Base64Url(100)),
  }),
  authenticatorAttachment: z.optional(z.enum(["platform", "cross-platform"])),
  clientExtensionResults: ClientExtensionResults,
});
export type PasskeyAssertion = z.infer<typeof PasskeyAssertion>;

/** Rename: the name shown in Settings. */
export const RenamePasskeyRequest = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, "validation.required"), z.maxLength(50, "validation.tooLong")),
});
export type RenamePasskeyRequest = z.infer<typeof RenamePasskeyRequest>;
