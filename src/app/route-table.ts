import type { PageRoute } from "../config/page-route.ts";
import { adminRoutes } from "../features/admin/routes.ts";
import { accountRoutes } from "../features/account/routes.ts";
import { apiDownloadRoutes } from "../features/api-download/routes.ts";
import { devInboxRoutes } from "../features/dev-inbox/routes.ts";
import { enrollmentRoutes } from "../features/enrollment/routes.ts";
import { helpRoutes } from "../features/help/routes.ts";
import { homeRoutes } from "../features/home/routes.ts";
import { nasdaqRoutes } from "../features/nasdaq/routes.ts";
import { recoveryRoutes } from "../features/recovery/routes.ts";
import { signInRoutes } from "../features/sign-in/routes.ts";
import { traqsRoutes } from "../features/traqs/routes.ts";

/**
 * Every page of the app, gathered from the features that own them (decision 015). Plain data: the
 * router (through `virtual:pages`), the early fetches (`lazyPage`) and the build's page files
 * (`scripts/route-pages.ts`) read this one table.
 */
export const routeTable: readonly PageRoute[] = [
  ...signInRoutes,
  ...enrollmentRoutes,
  ...recoveryRoutes,
  ...accountRoutes,
  ...apiDownloadRoutes,
  ...homeRoutes,
  ...traqsRoutes,
  ...helpRoutes,
  ...nasdaqRoutes,
  ...adminRoutes,
  ...devInboxRoutes,
];
