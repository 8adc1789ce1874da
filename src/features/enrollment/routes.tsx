import { Route } from "react-router";
import { endpoints } from "@/api/endpoints";
import { lazyPage } from "@/components/lazy-page";
import { paths } from "@/config/paths";

// Set-up loads when first opened: QR codes and phone metadata stay out of the sign-in page.
const ActivatePage = lazyPage(() => import("./routes/ActivatePage"), "ActivatePage");
const SetUpMethodsPage = lazyPage(() => import("./routes/SetUpMethodsPage"), "SetUpMethodsPage", [
  endpoints.enrollment,
]);
const SetUpPasswordPage = lazyPage(() => import("./routes/SetUpPasswordPage"), "SetUpPasswordPage");
const SetUpSecurityQuestionPage = lazyPage(
  () => import("./routes/SetUpSecurityQuestionPage"),
  "SetUpSecurityQuestionPage",
);
const SetUpGoogleAuthenticatorPage = lazyPage(
  () => import("./routes/SetUpGoogleAuthenticatorPage"),
  "SetUpGoogleAuthenticatorPage",
);
const VerifyGoogleAuthenticatorPage = lazyPage(
  () => import("./routes/SetUpGoogleAuthenticatorPage"),
  "VerifyGoogleAuthenticatorPage",
);
const SetUpOktaVerifyPage = lazyPage(
  () => import("./routes/SetUpOktaVerifyPage"),
  "SetUpOktaVerifyPage",
);
const SetUpPhonePage = lazyPage(() => import("./routes/SetUpPhonePage"), "SetUpPhonePage");
const VerifyPhonePage = lazyPage(() => import("./routes/SetUpPhonePage"), "VerifyPhonePage");
const SetUpPasskeyPage = lazyPage(() => import("./routes/SetUpPasskeyPage"), "SetUpPasskeyPage");

/** Activation and "Set up security methods" (guide Section 1), one URL per screen. */
export const enrollmentRoutes = (
  <>
    <Route path={paths.activate} element={<ActivatePage />} />
    <Route path={paths.enroll} element={<SetUpMethodsPage />} />
    <Route path={paths.enrollPassword} element={<SetUpPasswordPage />} />
    <Route path={paths.enrollSecurityQuestion} element={<SetUpSecurityQuestionPage />} />
    <Route path={paths.enrollGoogleAuthenticator} element={<SetUpGoogleAuthenticatorPage />} />
    <Route
      path={paths.enrollGoogleAuthenticatorVerify}
      element={<VerifyGoogleAuthenticatorPage />}
    />
    <Route path={paths.enrollOktaVerify} element={<SetUpOktaVerifyPage />} />
    <Route path={paths.enrollPhone} element={<SetUpPhonePage />} />
    <Route path={paths.enrollPhoneVerify} element={<VerifyPhonePage />} />
    <Route path={paths.enrollPasskey} element={<SetUpPasskeyPage />} />
  </>
);
