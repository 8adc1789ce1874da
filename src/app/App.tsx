import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  BrowserRouter,
  Navigate,
  Route,
  Routes,
  StaticRouter,
  useLocation,
  useNavigate,
} from "react-router";
import { setUnauthenticatedHandler } from "@/api/client";
import { meQueryOptions } from "@/api/me";
import { lazyPage } from "./lazy-page";
import { LoadOnDemand } from "@/components/ui/LoadOnDemand";
import { authnQueryOptions, stepUpQueryOptions } from "@/components/verification/api";
import { paths, withFrom } from "@/config/paths";
import { pages } from "virtual:pages";
import { createQueryClient } from "./query-client";

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
      for (const { queryKey } of [meQueryOptions(), authnQueryOptions(), stepUpQueryOptions()]) {
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
        {pages.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </LoadOnDemand>
  );
}

/**
 * The app. `url` is for the build's prerender (scripts/prerender.ts): the page at that address, as
 * it first shows, with no data yet; in the browser the address bar says which page.
 */
export function App({ url }: { url?: string }) {
  const [queryClient] = useState(createQueryClient);
  const pages = (
    <>
      <SessionExpiryRedirect />
      <Pages />
    </>
  );
  return (
    <QueryClientProvider client={queryClient}>
      {import.meta.env.SSR ? (
        <StaticRouter location={url ?? "/"}>{pages}</StaticRouter>
      ) : (
        <BrowserRouter>{pages}</BrowserRouter>
      )}
    </QueryClientProvider>
  );
}
