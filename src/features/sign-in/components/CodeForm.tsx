import { useNavigate } from "react-router";
import { OneTimeCodeForm } from "@/components/OneTimeCodeForm";
import { useAuthnStep, verifyCode } from "../api/authn";
import { stepPath, useReturnPath } from "./AuthnGate";

/** The code step of sign-in: an authenticator app's code, or one sent to a phone. */
export function CodeForm({ methodId, label }: { methodId: string; label: string }) {
  const navigate = useNavigate();
  const from = useReturnPath();
  const step = useAuthnStep(verifyCode);
  return (
    <OneTimeCodeForm
      label={label}
      pending={step.isPending}
      error={step.error}
      submit={async (code) => {
        const state = await step.mutateAsync({ methodId, code });
        await navigate(stepPath(state.status, from));
      }}
    />
  );
}
