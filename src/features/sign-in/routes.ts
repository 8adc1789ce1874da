import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** The sign-in screens, one URL each (guide Section 3). */
export const signInRoutes = [
  {
    path: paths.signIn,
    module: "/src/features/sign-in/routes/SignInPage.tsx",
    page: "SignInPage",
    firstPage: true,
  },
  // The steps after the username load while it is being checked (preloadSignInSteps).
  {
    path: paths.signInPassword,
    module: "/src/features/sign-in/routes/PasswordPage.tsx",
    page: "PasswordPage",
  },
  {
    path: paths.signInVerify,
    module: "/src/features/sign-in/routes/VerifyPage.tsx",
    page: "VerifyPage",
  },
  {
    path: paths.signInVerifySelect,
    module: "/src/features/sign-in/routes/SelectMethodPage.tsx",
    page: "SelectMethodPage",
  },
] as const satisfies readonly PageRoute[];
