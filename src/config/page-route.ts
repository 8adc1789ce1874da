import type { endpoints } from "../api/endpoints.ts";
import type { paths } from "./paths.ts";

/**
 * One page of the route table (decision 015): plain data, which the router, the early fetches and
 * the build's page files (scripts/route-pages.ts) all read. Files that hold route tables import
 * by relative path and extension: the build reads them in Node, where the app's `@/` alias does
 * not exist.
 */
export type PageRoute = {
  path: (typeof paths)[keyof typeof paths];
  /** The file of the page, from the project's folder (a `*Page.tsx` under a feature). */
  module: `/src/features/${string}Page.tsx`;
  /** The name the page is exported under. */
  page: string;
  /** The GETs the page opens with: sent while its code loads (decision 009). */
  opensWith?: readonly (typeof endpoints)[keyof typeof endpoints][];
  /** The username screen: in the first file, so it neither loads later nor has a file of its own. */
  firstPage?: true;
  /** Only where the backend is a mock (the development inbox). */
  devTools?: true;
};
