import { loadAreaStrings } from "@/i18n/load";

// Only the first screen (the username) is in the first load; the steps after it, and their
// strings, load while the username is being checked, so the next screen does not wait for them.
export function preloadSignInSteps() {
  void loadAreaStrings();
  void import("./routes/PasswordPage");
  void import("./routes/VerifyPage");
  void import("./routes/SelectMethodPage");
}
