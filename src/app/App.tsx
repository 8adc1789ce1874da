import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { setUnauthenticatedHandler } from "@/api/client";
import { lazyPage } from "@/components/lazy-page";
import { LoadOnDemand } from "@/components/LoadOnDemand";
import { paths, withFrom } from "@/config/paths";
import { accountRoutes } from "@/features/account/routes";
import { apiDownloadRoutes } from "@/features/api-download/routes";
import { enrollmentRoutes } from "@/features/enrollment/routes";
import { recoveryRoutes } from "@/features/recovery/routes";
import { signInRoutes } from "@/features/sign-in/routes";
import { createQueryClient } from "./query-client";

// The first page (sign-in) is in the main bundle; every other area loads when it is opened.
const HomePage = lazyPage(() => import("@/features/home/HomePage"), "HomePage");
const NotificationsPage = lazyPage(() => import("@/features/home/HomePage"), "NotificationsPage");
const TraqsPage = lazyPage(() => import("@/features/traqs/TraqsPage"), "TraqsPage");
const SelectUsernamePage = lazyPage(
  () => import("@/features/traqs/SelectUsernamePage"),
  "SelectUsernamePage",
);
const HelpPage = lazyPage(() => import("@/features/help/HelpPage"), "HelpPage");
const DevInboxPage = lazyPage(() => import("@/features/dev-inbox/DevInboxPage"), "DevInboxPage");
const NotFoundPage = lazyPage(() => import("./NotFoundPage"), "NotFoundPage");

/** When any request finds the session gone: sign in again, then come back to this page. */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // Forget the user and every sign-in state: a cached "SUCCESS" would send sign-in straight
      // back here, and the page would wait forever for a session that has ended. What is on
      // screen starts again from nothing (a refusal can arrive after Sign In has opened: removing
      // its query mid-request would leave it loading forever); the rest is dropped.
      for (const queryKey of [["me"], ["authn"], ["step-up"]]) {
        void queryClient.resetQueries({ queryKey, type: "active" });
        queryClient.removeQueries({ queryKey, type: "inactive" });
      }
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

/** Every page. One whose code cannot be fetched says so, until the user goes to another page. */
function Pages() {
  const { pathname } = useLocation();
  return (
    <LoadOnDemand resetKey={pathname}>
      <Routes>
        <Route path="/" element={<Navigate to={paths.traqs} replace />} />
        {signInRoutes}
        {enrollmentRoutes}
        {recoveryRoutes}
        {accountRoutes}
        {apiDownloadRoutes}
        <Route path={paths.home} element={<HomePage />} />
        <Route path={paths.notifications} element={<NotificationsPage />} />
        <Route path={paths.traqs} element={<TraqsPage />} />
        <Route path={paths.traqsSelectUsername} element={<SelectUsernamePage />} />
        <Route path={paths.help} element={<HelpPage />} />
        {__WITH_MOCK__ ? <Route path={paths.devInbox} element={<DevInboxPage />} /> : null}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </LoadOnDemand>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionExpiryRedirect />
        <Pages />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
