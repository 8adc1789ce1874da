import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** The TRAQS website and the choice of TRAQS username it is entered with. */
export const traqsRoutes = [
  { path: paths.traqs, module: "/src/features/traqs/TraqsPage.tsx", page: "TraqsPage" },
  {
    path: paths.traqsSelectUsername,
    module: "/src/features/traqs/SelectUsernamePage.tsx",
    page: "SelectUsernamePage",
  },
] as const satisfies readonly PageRoute[];
