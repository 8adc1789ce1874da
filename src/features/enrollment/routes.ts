import { endpoints } from "../../api/endpoints.ts";
import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** Activation and "Set up security methods" (guide Section 1), one URL per screen. */
export const enrollmentRoutes = [
  {
    path: paths.activate,
    module: "/src/features/enrollment/routes/ActivatePage.tsx",
    page: "ActivatePage",
  },
  {
    path: paths.enroll,
    module: "/src/features/enrollment/routes/SetUpMethodsPage.tsx",
    page: "SetUpMethodsPage",
    opensWith: [endpoints.enrollment],
  },
  {
    path: paths.enrollPassword,
    module: "/src/features/enrollment/routes/SetUpPasswordPage.tsx",
    page: "SetUpPasswordPage",
  },
  {
    path: paths.enrollSecurityQuestion,
    module: "/src/features/enrollment/routes/SetUpSecurityQuestionPage.tsx",
    page: "SetUpSecurityQuestionPage",
  },
  {
    path: paths.enrollGoogleAuthenticator,
    module: "/src/features/enrollment/routes/SetUpGoogleAuthenticatorPage.tsx",
    page: "SetUpGoogleAuthenticatorPage",
  },
  {
    path: paths.enrollGoogleAuthenticatorVerify,
    module: "/src/features/enrollment/routes/SetUpGoogleAuthenticatorPage.tsx",
    page: "VerifyGoogleAuthenticatorPage",
  },
  {
    path: paths.enrollOktaVerify,
    module: "/src/features/enrollment/routes/SetUpOktaVerifyPage.tsx",
    page: "SetUpOktaVerifyPage",
  },
  {
    path: paths.enrollPhone,
    module: "/src/features/enrollment/routes/SetUpPhonePage.tsx",
    page: "SetUpPhonePage",
  },
  {
    path: paths.enrollPhoneVerify,
    module: "/src/features/enrollment/routes/SetUpPhonePage.tsx",
    page: "VerifyPhonePage",
  },
  {
    path: paths.enrollRecoveryCodes,
    module: "/src/features/enrollment/routes/SetUpRecoveryCodesPage.tsx",
    page: "SetUpRecoveryCodesPage",
  },
  {
    path: paths.enrollPasskey,
    module: "/src/features/enrollment/routes/SetUpPasskeyPage.tsx",
    page: "SetUpPasskeyPage",
  },
] as const satisfies readonly PageRoute[];
