/**
 * i18next, with the English strings of every area beyond sign-in: the later pages load it (the
 * first screen translates without it, decision 027).
 */
export function loadAreaStrings(): Promise<void> {
  return import("./index").then((i18n) => i18n.loadAreaStrings());
}
