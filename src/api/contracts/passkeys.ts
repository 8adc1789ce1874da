import * as z from "zod/mini";
import { FACTOR_FIELDS } from "./authn";
import { Instant } from "./common";

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
const Hints = z.optional(z.array(z.string()));

// Only zod functions the first page already uses (object, array, optional...): zod is one module,
// in the first page's file, and a function any page uses is kept there (no looseObject, extend).

/** PublicKeyCredentialCreationOptionsJSON: what registering a passkey asks the authenticator. */
export const PasskeyCreationOptions = z.object({
  challenge: Base64Url(200),
  rp: z.object({ id: z.optional(z.string()), name: z.string() }),
  user: z.object({ id: Base64Url(100), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ type: z.literal("public-key"), alg: z.number() })),
  timeout: z.optional(z.number()),
  excludeCredentials: z.optional(z.array(CredentialDescriptor)),
  authenticatorSelection: z.optional(
    z.object({
      authenticatorAttachment: z.optional(z.enum(["platform", "cross-platform"])),
      residentKey: z.optional(z.enum(["discouraged", "preferred", "required"])),
      requireResidentKey: z.optional(z.boolean()),
      userVerification: z.optional(z.enum(["discouraged", "preferred", "required"])),
    }),
  ),
  attestation: z.optional(z.enum(["none", "indirect", "direct", "enterprise"])),
  extensions: z.optional(z.object({ credProps: z.optional(z.boolean()) })),
  hints: Hints,
});
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** PublicKeyCredentialRequestOptionsJSON: what signing in with a passkey asks. */
export const PasskeyRequestOptions = z.object({
  challenge: Base64Url(200),
  rpId: z.optional(z.string()),
  allowCredentials: z.optional(z.array(CredentialDescriptor)),
  userVerification: z.optional(z.enum(["discouraged", "preferred", "required"])),
  timeout: z.optional(z.number()),
  hints: Hints,
});
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

/** The client extension outputs the backend reads: none; credProps is kept for what it says. */
const ClientExtensionResults = z.object({
  credProps: z.optional(z.object({ rk: z.optional(z.boolean()) })),
});

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

/**
 * A method as Settings and Set up security methods list it: a passkey with its details. Apart from
 * `Factor`, so that the sign-in page's first load does without them.
 */
export const MethodDetails = z.object({
  ...FACTOR_FIELDS,
  /** Its name: from the authenticator's AAGUID, else the browser and platform; or the user's. */
  name: z.optional(z.string()),
  /** Synced to other devices (backup eligible), or bound to one device. */
  synced: z.optional(z.boolean()),
  createdAt: z.optional(Instant),
  lastUsedAt: z.optional(z.nullable(Instant)),
});
export type MethodDetails = z.infer<typeof MethodDetails>;

/** Rename: the name shown in Settings. */
export const RenamePasskeyRequest = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, "validation.required"), z.maxLength(50, "validation.tooLong")),
});
export type RenamePasskeyRequest = z.infer<typeof RenamePasskeyRequest>;
