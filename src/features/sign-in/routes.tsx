import { Route } from "react-router";
import { lazyPage } from "@/components/lazy-page";
import { paths } from "@/config/paths";
import { loadAreaStrings } from "@/i18n";
import { SignInPage } from "./routes/SignInPage";

// Only the first screen (the username) is in the first load; the steps after it, and their
// strings, load while the username is being checked, so the next screen does not wait for them.
const loadPasswordPage = () => import("./routes/PasswordPage");
const loadVerifyPage = () => import("./routes/VerifyPage");
const loadSelectMethodPage = () => import("./routes/SelectMethodPage");

export function preloadSignInSteps() {
  void loadAreaStrings();
  void loadPasswordPage();
  void loadVerifyPage();
  void loadSelectMethodPage();
}

const PasswordPage = lazyPage(loadPasswordPage, "PasswordPage");
const VerifyPage = lazyPage(loadVerifyPage, "VerifyPage");
const SelectMethodPage = lazyPage(loadSelectMethodPage, "SelectMethodPage");

/** The sign-in screens, one URL each (guide Section 3). */
export const signInRoutes = (
  <>
    <Route path={paths.signIn} element={<SignInPage />} />
    <Route path={paths.signInPassword} element={<PasswordPage />} />
    <Route path={paths.signInVerify} element={<VerifyPage />} />
    <Route path={paths.signInVerifySelect} element={<SelectMethodPage />} />
  </>
);
