import { lazy, type ComponentType } from "react";
import { fetchEarly } from "@/api/client";
import { loadAreaStrings } from "@/i18n/load";

// The later pages' styles, beside the first page's (decision 026).
const loadPageStyles = () => import("../later-pages.css");
// The query cache, which the first page does without (decision 031).
const loadQueryClient = () => import("./query-client");

/**
 * A page loaded only when its route is opened (its own chunk), with the strings of its area, the
 * later pages' styles and the query cache. The first time, the GETs it opens with (`data`, the
 * route table's `opensWith`) are sent while its code loads (decision 009). A page no route uses is left out of the build, code and all
 * (decision 013).
 */
/* #__NO_SIDE_EFFECTS__ */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
  data: readonly string[] = [],
) {
  return lazy(async () => {
    // The build's prerender shows the page as it opens, before any data.
    if (!import.meta.env.SSR) fetchEarly(data);
    const [module, , , { withQueryClient }] = await Promise.all([
      load(),
      loadAreaStrings(),
      loadPageStyles(),
      loadQueryClient(),
    ]);
    return { default: withQueryClient(module[name] as ComponentType) };
  });
}
