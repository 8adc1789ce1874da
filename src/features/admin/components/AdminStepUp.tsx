import { lazy } from "react";
import type { AdminChange } from "@/api/contracts/admin";
import { LoadOnDemand } from "@/components/ui/LoadOnDemand";

// "Verify it's you" and its forms load only when a change asks for them.
const StepUp = lazy(async () => ({
  default: (await import("@/components/verification/StepUp")).StepUp,
}));

/**
 * The administrator's own fresh "Verify it's you", made for one change (its action and its
 * target): the backend lets it serve no other.
 */
export function AdminStepUp(props: {
  change: Omit<AdminChange, "kind">;
  onVerified: () => void;
  onCancel: () => void;
}) {
  return (
    <LoadOnDemand>
      <StepUp
        purpose={{ kind: "admin", ...props.change }}
        onVerified={props.onVerified}
        onCancel={props.onCancel}
      />
    </LoadOnDemand>
  );
}
