/** Each page of the route table with its component, written by the build (scripts/route-pages.ts). */
declare module "virtual:pages" {
  import type { ComponentType } from "react";

  export const pages: readonly { path: string; Page: ComponentType }[];
}
