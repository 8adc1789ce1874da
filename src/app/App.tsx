import { useEffect } from "react";
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
import { lazyPage } from "./lazy-page";
import { LoadOnDemand } from "@/components/ui/LoadOnDemand";
import { signInState } from "@/components/verification/sign-in-state";
import { paths, withFrom } from "@/config/paths";
import { pages } from "virtual:pages";

const NotFoundPage = lazyPage(() => import("./NotFoundPage"), "NotFoundPage");

/** When any request finds the session gone: sign in again, then come back to this page. */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // The user and every sign-in state are forgotten (the query cache, once loaded, with them).
      signInState.forget();
      if (!location.pathname.startsWith(paths.signIn)) {
        void navigate(withFrom(paths.signIn, location.pathname + location.search), {
          replace: true,
        });
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, location]);
  return null;
}

/**
 * Marks the document once the app has taken it over (`<html data-app="interactive">`): before
 * then a prerendered page shows but does not answer. Tests and QA scripts wait for it.
 */
function MarkInteractive() {
  useEffect(() => {
    document.documentElement.dataset.app = "interactive";
  }, []);
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
      <MarkInteractive />
    </LoadOnDemand>
  );
}

/**
 * The app. `url` is for the build's prerender (scripts/prerender.ts): the page at that address, as
 * it first shows, with no data yet; in the browser the address bar says which page.
 */
export function App({ url }: { url?: string }) {
  // No query cache here: it loads with the first page that uses it (decision 031).
  const pages = (
    <>
      <SessionExpiryRedirect />
      <Pages />
    </>
  );
  return import.meta.env.SSR ? (
    <StaticRouter location={url ?? "/"}>{pages}</StaticRouter>
  ) : (
    <BrowserRouter>{pages}</BrowserRouter>
  );
}
