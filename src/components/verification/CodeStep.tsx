import type { AuthnState, VerifyCodeRequest } from "@/api/contracts/authn";
import { OneTimeCodeForm } from "../ui/OneTimeCodeForm";
import { useVerificationStep } from "./api";

/** "Enter code" for a method: an authenticator app's code, or one sent to a phone. */
export function CodeStep(props: {
  methodId: string;
  label: string;
  onVerified: (state: AuthnState) => void;
}) {
  const step = useVerificationStep<VerifyCodeRequest>("verify");
  return (
    <OneTimeCodeForm
      label={props.label}
      pending={step.isPending}
      error={step.error}
      submit={async (code) =>
        props.onVerified(await step.mutateAsync({ methodId: props.methodId, code }))
      }
    />
  );
}
