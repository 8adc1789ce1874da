import { endpoints } from "../../api/endpoints.ts";
import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** API / Download / Manual and Programmatic (guide Sections 4 and 5). */
export const apiDownloadRoutes = [
  {
    path: paths.apiManual,
    module: "/src/features/api-download/routes/ManualPage.tsx",
    page: "ManualPage",
  },
  {
    path: paths.apiProgrammatic,
    module: "/src/features/api-download/routes/ProgrammaticPage.tsx",
    page: "ProgrammaticPage",
    opensWith: [endpoints.me, endpoints.refreshTokens],
  },
] as const satisfies readonly PageRoute[];
