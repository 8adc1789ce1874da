import type { TFunction } from "i18next";
import type { AuthnState, Factor, VerifyMode } from "@/api/contracts/authn";

/** One line of "Select from the following options": Okta Verify gives two (code and push). */
export type FactorOption = {
  factor: Factor;
  mode: VerifyMode;
  title: string;
  subtitle: string | null;
};

/** Tells the options apart: Okta Verify's code and push share a method. */
export const optionKey = ({ factor, mode }: FactorOption) => `${factor.id}-${mode}`;

export function factorOptions(t: TFunction, factors: Factor[]): FactorOption[] {
  return factors.flatMap((factor): FactorOption[] => {
    switch (factor.type) {
      case "google_authenticator":
        return [{ factor, mode: "code", title: t("methods.googleAuthenticator"), subtitle: null }];
      case "okta_verify":
        return [
          { factor, mode: "code", title: t("signIn.verify.enterACode"), subtitle: okta(t, factor) },
          { factor, mode: "push", title: t("signIn.verify.getAPush"), subtitle: okta(t, factor) },
        ];
      case "phone":
        return [
          { factor, mode: "code", title: t("methods.phone"), subtitle: factor.maskedPhone ?? null },
        ];
      case "passkey":
        // One line for all passkeys: the browser offers whichever of them this device holds.
        return factors.find((f) => f.type === "passkey") === factor
          ? [{ factor, mode: "passkey", title: t("methods.passkey"), subtitle: null }]
          : [];
    }
  });
}

function okta(t: TFunction, factor: Factor) {
  return factor.deviceName
    ? `${t("methods.oktaVerify")} (${factor.deviceName})`
    : t("methods.oktaVerify");
}

/** The method asked for in the URL, else the last one used, else the first enrolled. */
export function chosenOption(
  options: FactorOption[],
  state: AuthnState,
  methodId: string | null,
  mode: string | null,
): FactorOption | undefined {
  const find = (id: string | undefined, m: string | undefined) =>
    options.find((o) => o.factor.id === id && o.mode === m) ??
    options.find((o) => o.factor.id === id) ??
    options.find((o) => m === "passkey" && o.mode === m);
  return (
    (methodId ? find(methodId, mode ?? undefined) : undefined) ??
    find(state.lastUsed?.methodId, state.lastUsed?.mode) ??
    options[0]
  );
}
