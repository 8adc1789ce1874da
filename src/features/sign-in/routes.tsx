import { Route } from "react-router";
import { paths } from "@/config/paths";
import { PasswordPage } from "./routes/PasswordPage";
import { SelectMethodPage } from "./routes/SelectMethodPage";
import { SignInPage } from "./routes/SignInPage";
import { VerifyPage } from "./routes/VerifyPage";

/** The sign-in screens, one URL each (guide Section 3). */
export const signInRoutes = (
  <>
    <Route path={paths.signIn} element={<SignInPage />} />
    <Route path={paths.signInPassword} element={<PasswordPage />} />
    <Route path={paths.signInVerify} element={<VerifyPage />} />
    <Route path={paths.signInVerifySelect} element={<SelectMethodPage />} />
  </>
);
