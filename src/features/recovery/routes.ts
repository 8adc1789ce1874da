import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** "Unlock account?" and "Forgot password?" (guide Section 2, How to Unlock; Section 6). */
export const recoveryRoutes = [
  {
    path: paths.unlock,
    module: "/src/features/recovery/routes/StartRecoveryPage.tsx",
    page: "UnlockAccountPage",
  },
  {
    path: paths.forgotPassword,
    module: "/src/features/recovery/routes/StartRecoveryPage.tsx",
    page: "ForgotPasswordPage",
  },
  {
    path: paths.recovery,
    module: "/src/features/recovery/routes/RecoveryPage.tsx",
    page: "RecoveryPage",
  },
  {
    path: paths.recoveryLink,
    module: "/src/features/recovery/routes/RecoveryLinkPage.tsx",
    page: "RecoveryLinkPage",
  },
] as const satisfies readonly PageRoute[];
