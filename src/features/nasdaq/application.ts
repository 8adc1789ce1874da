import { NasdaqApplication } from "@/api/contracts/nasdaq";
import { paths } from "@/config/paths";

/** The application named in a URL (`?app=`, `:application`), or null for none or an unknown one. */
export function applicationOf(value: string | null | undefined): NasdaqApplication | null {
  const parsed = NasdaqApplication.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const applicationPath = (application: NasdaqApplication) =>
  paths.nasdaqApplication.replace(":application", application);

export const loginPath = (application: NasdaqApplication) =>
  `${paths.nasdaqLogin}?app=${application}`;
