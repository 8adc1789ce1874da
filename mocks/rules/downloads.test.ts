import { describe, expect, it } from "vitest";
import { seedState } from "../db/seed";
import { userByLogin } from "../db/sessions";
import type { User } from "../db/state";
import { download, DownloadRefused } from "./downloads";
import { DAY } from "./policy";
import { dayString, dayNumber, FACILITIES } from "./reference-data";

const NOW = Date.UTC(2025, 5, 2, 14, 0, 0);
const [facility] = FACILITIES;
const daily = facility?.files.find((f) => f.daily);
const notDaily = facility?.files.find((f) => !f.daily);

function refusedWith(run: () => unknown): [number, string] | string {
  try {
    run();
    return "no refusal";
  } catch (error) {
    if (error instanceof DownloadRefused) return [error.status, error.error];
    throw error;
  }
}

describe("download", () => {
  it("answers the file, named after facility, file, day and action", async () => {
    const state = await seedState(NOW);
    const jane = userByLogin(state, "jane.doe@yourfirm.org") as User;
    const file = download(
      state,
      jane,
      { facility: facility?.id ?? "", file: daily?.id ?? "", action: null, day: null },
      NOW,
    );
    expect(file.csv.length).toBeGreaterThan(0);
    expect(file.fileName).toContain(dayString(dayNumber(NOW)));
  });

  it("refuses what the guide does not allow, in OAuth's terms", async () => {
    const state = await seedState(NOW);
    const jane = userByLogin(state, "jane.doe@yourfirm.org") as User;
    const sam = userByLogin(state, "sam.lee@yourfirm.org") as User;
    const ask = (user: User, request: Partial<Parameters<typeof download>[2]>) => () =>
      download(
        state,
        user,
        {
          facility: facility?.id ?? "",
          file: daily?.id ?? "",
          action: null,
          day: null,
          ...request,
        },
        NOW,
      );
    expect(refusedWith(ask(jane, { file: "nope" }))).toEqual([404, "not_found"]);
    expect(refusedWith(ask(jane, { action: "upload" }))).toEqual([400, "invalid_request"]);
    expect(refusedWith(ask(sam, {}))).toEqual([403, "insufficient_scope"]);
    const tomorrow = dayString(dayNumber(NOW + DAY));
    expect(refusedWith(ask(jane, { day: tomorrow }))).toEqual([400, "invalid_request"]);
    const yesterday = dayString(dayNumber(NOW - DAY));
    expect(refusedWith(ask(jane, { day: yesterday, action: "delta" }))).toEqual([
      400,
      "invalid_request",
    ]);
    expect(refusedWith(ask(jane, { file: notDaily?.id ?? "", day: yesterday }))).toEqual([
      400,
      "invalid_request",
    ]);
  });
});
