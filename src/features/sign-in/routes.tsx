import { Route } from "react-router";
import { paths } from "@/config/paths";
import { SignInPage } from "./routes/SignInPage";
import { PasswordPage, SelectMethodPage, VerifyPage } from "./steps";

/** The sign-in screens, one URL each (guide Section 3). */
export const signInRoutes = (
  <>
    <Route path={paths.signIn} element={<SignInPage />} />
    <Route path={paths.signInPassword} element={<PasswordPage />} />
    <Route path={paths.signInVerify} element={<VerifyPage />} />
    <Route path={paths.signInVerifySelect} element={<SelectMethodPage />} />
  </>
);
