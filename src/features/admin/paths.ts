import { paths } from "@/config/paths";

/**
 * A path with its `:name` parts filled in, each encoded. react-router's generatePath would do, but
 * its code would join the sign-in page's first file, which has no room left (decision 009).
 */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** One user's Administration page. */
export const adminUserPath = (userId: string) => fillPath(paths.adminUser, { userId });
