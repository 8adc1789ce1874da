import { lazy, type ComponentType } from "react";

/** A page component loaded only when its route is opened (its own chunk). */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
