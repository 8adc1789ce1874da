import type { ApiCatalog } from "../../src/api/contracts/api-download";
import type { MockState, User } from "../db/state";
import { entitledFacilities } from "./entitlements";
import {
  dayNumber,
  dayString,
  FACILITIES,
  fileName,
  findFile,
  generateFile,
  parseDay,
} from "./reference-data";

/**
 * A download refused, in OAuth's terms (RFC 6750 §3.1): the page's own download and the scripts'
 * answer it each in their own way.
 */
export class DownloadRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: "not_found" | "invalid_request" | "insufficient_scope",
    readonly description: string,
  ) {
    super(description);
  }
}

export type DownloadRequest = {
  facility: string;
  file: string;
  action: string | null;
  day: string | null;
};

/** Checks a download request and answers the CSV file; remembers the day for the next Delta. */
export function download(
  state: MockState,
  user: User,
  request: DownloadRequest,
  now: number,
): { csv: string; fileName: string } {
  function fail(status: number, error: DownloadRefused["error"], description: string): never {
    throw new DownloadRefused(status, error, description);
  }
  const found = findFile(request.facility, request.file);
  if (!found) fail(404, "not_found", "No such facility or file.");
  const action = request.action ?? "download";
  if (action !== "download" && action !== "delta")
    fail(400, "invalid_request", "action must be download or delta.");
  if (!entitledFacilities(user).some((f) => f === found.facility.id))
    fail(403, "insufficient_scope", `Not authorized for ${found.facility.name}.`);
  const today = dayNumber(now);
  let day = today;
  if (request.day) {
    // Guide Section 4: Day is for Daily List with Download only, never with Delta.
    if (action === "delta" || !found.file.daily)
      fail(400, "invalid_request", "Day applies to a Daily List with Download only.");
    const parsed = parseDay(request.day);
    if (parsed === null || parsed > today)
      fail(400, "invalid_request", "day must be a date (YYYY-MM-DD), not in the future.");
    day = parsed;
  }
  const key = `${user.id}|${found.facility.id}|${found.file.id}`;
  const sinceDay = state.lastDownloads[key] ?? null;
  const body = generateFile(found.facility, found.file, { action, day, sinceDay });
  state.lastDownloads[key] = today;
  return { csv: body, fileName: fileName(found.facility.id, found.file.id, day, action) };
}

/** API / Download as the user sees it: every facility and its files, and which they may download. */
export function apiCatalog(user: User, now: number): ApiCatalog {
  const entitled: string[] = entitledFacilities(user);
  return {
    apiAccess: entitled.length > 0,
    facilities: FACILITIES.map((f) => ({
      id: f.id,
      name: f.name,
      entitled: entitled.includes(f.id),
      files: f.files.map(({ id, name, daily }) => ({ id, name, daily })),
    })),
    today: dayString(dayNumber(now)),
  };
}
