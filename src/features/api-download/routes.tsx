import { Route } from "react-router";
import { endpoints } from "@/api/endpoints";
import { lazyPage } from "@/components/lazy-page";
import { paths } from "@/config/paths";

const ManualPage = lazyPage(() => import("./routes/ManualPage"), "ManualPage");
const ProgrammaticPage = lazyPage(() => import("./routes/ProgrammaticPage"), "ProgrammaticPage", [
  endpoints.me,
  endpoints.refreshTokens,
]);

/** API / Download / Manual and Programmatic (guide Sections 4 and 5). */
export const apiDownloadRoutes = (
  <>
    <Route path={paths.apiManual} element={<ManualPage />} />
    <Route path={paths.apiProgrammatic} element={<ProgrammaticPage />} />
  </>
);
