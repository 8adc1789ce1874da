import { lazy, type ComponentType } from "react";
import { loadAreaStrings } from "@/i18n";

/** A page loaded only when its route is opened (its own chunk), with the strings of its area. */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadAreaStrings()]);
    return { default: module[name] as ComponentType };
  });
}
