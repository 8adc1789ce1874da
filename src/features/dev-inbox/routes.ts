import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** The development inbox: only where the backend is a mock. */
export const devInboxRoutes = [
  {
    path: paths.devInbox,
    module: "/src/features/dev-inbox/DevInboxPage.tsx",
    page: "DevInboxPage",
    devTools: true,
  },
] as const satisfies readonly PageRoute[];
