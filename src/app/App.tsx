import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { setUnauthenticatedHandler } from "@/api/client";
import { env } from "@/config/env";
import { paths, withFrom } from "@/config/paths";
import { signInRoutes } from "@/features/sign-in/routes";
import { createQueryClient } from "./query-client";

// The first page (sign-in) is in the main bundle; every other area loads when it is opened.
const HomePage = lazy(() =>
  import("@/features/home/HomePage").then((m) => ({ default: m.HomePage })),
);
const TraqsPage = lazy(() =>
  import("@/features/traqs/TraqsPage").then((m) => ({ default: m.TraqsPage })),
);
const SelectUsernamePage = lazy(() =>
  import("@/features/traqs/SelectUsernamePage").then((m) => ({ default: m.SelectUsernamePage })),
);
const HelpPage = lazy(() =>
  import("@/features/help/HelpPage").then((m) => ({ default: m.HelpPage })),
);
const DevInboxPage = lazy(() =>
  import("@/features/dev-inbox/DevInboxPage").then((m) => ({ default: m.DevInboxPage })),
);
const NotFoundPage = lazy(() =>
  import("./NotFoundPage").then((m) => ({ default: m.NotFoundPage })),
);

/** When any request finds the session gone: sign in again, then come back to this page. */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.removeQueries({ queryKey: ["me"] });
      if (!location.pathname.startsWith(paths.signIn)) {
        void navigate(withFrom(paths.signIn, location.pathname + location.search), {
          replace: true,
        });
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, location, queryClient]);
  return null;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionExpiryRedirect />
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Navigate to={paths.traqs} replace />} />
            {signInRoutes}
            <Route path={paths.home} element={<HomePage />} />
            <Route path={paths.traqs} element={<TraqsPage />} />
            <Route path={paths.traqsSelectUsername} element={<SelectUsernamePage />} />
            <Route path="/help" element={<HelpPage />} />
            {env.hasDevTools ? <Route path={paths.devInbox} element={<DevInboxPage />} /> : null}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
