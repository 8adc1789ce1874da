import { lazyPage } from "@/components/lazy-page";
import { loadAreaStrings } from "@/i18n";

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

export const PasswordPage = lazyPage(loadPasswordPage, "PasswordPage");
export const VerifyPage = lazyPage(loadVerifyPage, "VerifyPage");
export const SelectMethodPage = lazyPage(loadSelectMethodPage, "SelectMethodPage");
