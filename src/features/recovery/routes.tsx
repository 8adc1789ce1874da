import { Route } from "react-router";
import { lazyPage } from "@/components/lazy-page";
import { paths } from "@/config/paths";

const UnlockAccountPage = lazyPage(() => import("./routes/StartRecoveryPage"), "UnlockAccountPage");
const ForgotPasswordPage = lazyPage(
  () => import("./routes/StartRecoveryPage"),
  "ForgotPasswordPage",
);
const RecoveryPage = lazyPage(() => import("./routes/RecoveryPage"), "RecoveryPage");
const RecoveryLinkPage = lazyPage(() => import("./routes/RecoveryLinkPage"), "RecoveryLinkPage");

/** "Unlock account?" and "Forgot password?" (guide Section 2, How to Unlock; Section 6). */
export const recoveryRoutes = (
  <>
    <Route path={paths.unlock} element={<UnlockAccountPage />} />
    <Route path={paths.forgotPassword} element={<ForgotPasswordPage />} />
    <Route path={paths.recovery} element={<RecoveryPage />} />
    <Route path={paths.recoveryLink} element={<RecoveryLinkPage />} />
  </>
);
