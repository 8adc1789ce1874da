import type { PageRoute } from "../../config/page-route.ts";
import { paths } from "../../config/paths.ts";

/** Help: the guide's answers and contacts (Section 6, Common Questions). */
export const helpRoutes = [
  { path: paths.help, module: "/src/features/help/HelpPage.tsx", page: "HelpPage" },
] as const satisfies readonly PageRoute[];
