import { describe, expect, it } from "vitest";
import {
  dayNumber,
  dayString,
  FACILITIES,
  fileName,
  findFile,
  generateFile,
  parseDay,
  type FacilitySpec,
  type FileSpec,
} from "./reference-data";

/** 2025-06-02, the day the test backend's clock starts on. */
const D0 = dayNumber(Date.UTC(2025, 5, 2, 14, 0, 10));

/** The columns each file declares, written out: a change to a file's layout must be deliberate. */
const COLUMNS: Record<string, Record<string, string>> = {
  "TRACE-CA": {
    "daily-list": "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date,Action",
    "security-master": "CUSIP,Symbol,Issuer,Coupon,Maturity,Grade,Effective Date",
  },
  "TRACE-SP": {
    "daily-list": "CUSIP,Symbol,Issuer,Coupon,Maturity,Product,Effective Date,Action",
    "tba-master": "CUSIP,Symbol,Issuer,Coupon,Maturity,Product,Effective Date",
  },
  "TRACE-TS": {
    "daily-list": "CUSIP,Symbol,Security Type,Coupon,Maturity,Effective Date,Action",
    "treasury-master": "CUSIP,Symbol,Security Type,Coupon,Maturity,Effective Date",
  },
  ADF: {
    "daily-list": "Symbol,Security Name,Listing Market,Round Lot,Effective Date,Action",
    "participant-list": "MPID,Participant Name,Status,Effective Date",
  },
  ORF: {
    "daily-list": "Symbol,Security Name,Listing Market,Round Lot,Effective Date,Action",
    "otc-symbol-directory": "Symbol,Security Name,Tier,Status,Effective Date",
  },
  TRF: {
    "daily-list": "Symbol,Security Name,Listing Market,Round Lot,Effective Date,Action",
    "participant-list": "MPID,Participant Name,Trade Reporting Facility,Status,Effective Date",
  },
};

const ALL_FILES = FACILITIES.flatMap((facility) =>
  facility.files.map((file) => ({ facility, file, name: `${facility.id}/${file.id}` })),
);
const DAILY_FILES = ALL_FILES.filter(({ file }) => file.daily);
const MASTER_FILES = ALL_FILES.filter(({ file }) => !file.daily);

function spec(facilityId: string, fileId: string): { facility: FacilitySpec; file: FileSpec } {
  const found = findFile(facilityId, fileId);
  if (!found) throw new Error(`No file ${facilityId}/${fileId}`);
  return found;
}

const download = (facility: FacilitySpec, file: FileSpec, day: number) =>
  generateFile(facility, file, { action: "download", day, sinceDay: null });
const delta = (facility: FacilitySpec, file: FileSpec, day: number, sinceDay: number | null) =>
  generateFile(facility, file, { action: "delta", day, sinceDay });

const headerOf = (csv: string) => csv.split("\n")[0];
const rowsOf = (csv: string) => csv.trimEnd().split("\n").slice(1);
/** A row without its last field (a Daily List's Action). */
const withoutAction = (row: string) => row.slice(0, row.lastIndexOf(","));

describe("the facilities and files", () => {
  it("are the six facilities, each with one Daily List and one other file", () => {
    expect(FACILITIES.map((f) => f.id)).toEqual([
      "TRACE-CA",
      "TRACE-SP",
      "TRACE-TS",
      "ADF",
      "ORF",
      "TRF",
    ]);
    for (const facility of FACILITIES) {
      expect(facility.files.map((f) => [f.id, f.daily])).toEqual([
        ["daily-list", true],
        [Object.keys(COLUMNS[facility.id] ?? {})[1], false],
      ]);
    }
  });

  it("are found by id, and nothing else is", () => {
    expect(findFile("TRACE-SP", "tba-master")?.file.name).toBe("TBA Security Master");
    expect(findFile("TRACE-CA", "tba-master")).toBeNull();
    expect(findFile("NYSE", "daily-list")).toBeNull();
    expect(findFile("trace-ca", "daily-list")).toBeNull();
  });
});

describe("generateFile", () => {
  it.each(ALL_FILES)(
    "writes $name with its declared columns in every row",
    ({ facility, file }) => {
      const expected = COLUMNS[facility.id]?.[file.id];
      expect(file.columns.join(",")).toBe(expected);
      for (const csv of [download(facility, file, D0), delta(facility, file, D0, null)]) {
        expect(headerOf(csv)).toBe(expected);
        expect(csv.endsWith("\n")).toBe(true);
        for (const row of rowsOf(csv)) {
          const fields = row.split(",");
          expect(fields).toHaveLength(file.columns.length);
          expect(fields.every((f) => f.length > 0)).toBe(true);
        }
      }
    },
  );

  it.each(ALL_FILES)("gives the same $name for the same day, every time", ({ facility, file }) => {
    for (const day of [D0, D0 - 1, D0 - 37]) {
      expect(download(facility, file, day)).toBe(download(facility, file, day));
      expect(delta(facility, file, day, day - 5)).toBe(delta(facility, file, day, day - 5));
      // The objects are not the source of the values: a copy of the spec gives the same file.
      expect(download(structuredClone(facility), structuredClone(file), day)).toBe(
        download(facility, file, day),
      );
    }
  });

  it.each(MASTER_FILES)("writes $name with 40 rows, one per security", ({ facility, file }) => {
    for (const day of [D0, D0 + 100]) {
      const rows = rowsOf(download(facility, file, day));
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((r) => r.split(",")[0])).size).toBe(40);
    }
  });

  it.each(MASTER_FILES)(
    "changes a few rows of $name from one day to the next",
    ({ facility, file }) => {
      let changedDays = 0;
      for (let day = D0 - 10; day < D0 + 10; day++) {
        const before = new Set(rowsOf(download(facility, file, day - 1)));
        const changed = rowsOf(download(facility, file, day)).filter((r) => !before.has(r));
        expect(changed.length).toBeLessThan(15);
        if (changed.length > 0) changedDays++;
      }
      expect(changedDays).toBeGreaterThan(10);
    },
  );

  it("keeps a security's identity and maturity from day to day", () => {
    const { facility, file } = spec("TRACE-CA", "security-master");
    const key = (row: string) => {
      const [cusip, symbol, issuer, , maturity] = row.split(",");
      return [cusip, symbol, issuer, maturity].join(",");
    };
    const today = rowsOf(download(facility, file, D0)).map(key);
    expect(today.every((k) => /^[0-9A-Z]{9},\w+,.+,\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);
    expect(rowsOf(download(facility, file, D0 + 90)).map(key)).toEqual(today);
  });

  describe("a Daily List", () => {
    it.each(DAILY_FILES)("of $name holds only rows marked Add or Modify", ({ facility, file }) => {
      const actions = new Set<string>();
      let total = 0;
      for (let day = D0 - 30; day <= D0; day++) {
        const rows = rowsOf(download(facility, file, day));
        expect(rows.length).toBeLessThan(40);
        total += rows.length;
        for (const row of rows) actions.add(row.split(",").at(-1) ?? "");
      }
      expect(total).toBeGreaterThan(0);
      expect([...actions].sort()).toEqual(["Add", "Modify"]);
    });

    it.each(DAILY_FILES.filter(({ facility }) => facility.id.startsWith("TRACE-")))(
      "of $name is exactly the rows of the whole file that changed that day",
      ({ facility, file }) => {
        for (let day = D0 - 5; day <= D0; day++) {
          const before = new Set(rowsOf(delta(facility, file, day - 1, null)).map(withoutAction));
          const changed = rowsOf(delta(facility, file, day, null))
            .map(withoutAction)
            .filter((r) => !before.has(r));
          const daily = rowsOf(download(facility, file, day)).map(withoutAction);
          expect(new Set(daily)).toEqual(new Set(changed));
          expect(daily).toHaveLength(changed.length);
        }
      },
    );

    it("depends on the day", () => {
      const { facility, file } = spec("TRACE-CA", "daily-list");
      const lists = new Set<string>();
      for (let day = D0 - 9; day <= D0; day++) lists.add(download(facility, file, day));
      expect(lists.size).toBeGreaterThan(5);
    });
  });

  describe("a Delta", () => {
    it.each(ALL_FILES)(
      "of $name never downloaded before is the whole file",
      ({ facility, file }) => {
        const rows = rowsOf(delta(facility, file, D0, null));
        expect(rows).toHaveLength(40);
        if (!file.daily) expect(delta(facility, file, D0, null)).toBe(download(facility, file, D0));
      },
    );

    it.each(ALL_FILES)(
      "of $name downloaded the same day is the header only",
      ({ facility, file }) => {
        expect(delta(facility, file, D0, D0)).toBe(`${COLUMNS[facility.id]?.[file.id]}\n`);
      },
    );

    it.each(MASTER_FILES)(
      "of $name a day later is exactly the rows of the new whole file that differ",
      ({ facility, file }) => {
        for (let since = D0 - 30; since <= D0; since++) {
          const before = new Set(rowsOf(download(facility, file, since)));
          const changed = rowsOf(download(facility, file, since + 1)).filter((r) => !before.has(r));
          const rows = rowsOf(delta(facility, file, since + 1, since));
          expect(new Set(rows), dayString(since)).toEqual(new Set(changed));
          expect(rows).toHaveLength(changed.length);
        }
      },
    );

    // Over several days the rows are compared by their key (first column): a row that changed twice
    // in the span is listed once, as it stands at the end.
    it.each(MASTER_FILES)(
      "of $name after several days holds exactly the securities whose row changed",
      ({ facility, file }) => {
        const security = (row: string) => row.split(",")[0];
        for (const n of [2, 3, 7, 10, 30]) {
          const before = new Set(rowsOf(download(facility, file, D0 - n)));
          const changed = rowsOf(download(facility, file, D0))
            .filter((r) => !before.has(r))
            .map(security);
          const rows = rowsOf(delta(facility, file, D0, D0 - n)).map(security);
          expect(rows.sort(), `${n} days`).toEqual(changed.sort());
        }
      },
    );

    it("of a Daily List marks its rows Add or Modify and equals the Daily Lists of the days between", () => {
      const { facility, file } = spec("TRACE-SP", "daily-list");
      const rows = rowsOf(delta(facility, file, D0, D0 - 1));
      expect(rows).toEqual(rowsOf(download(facility, file, D0)));
      for (const row of rowsOf(delta(facility, file, D0, D0 - 3)))
        expect(row.split(",").at(-1)).toMatch(/^(Add|Modify)$/);
    });
  });
});

describe("days and file names", () => {
  it("reads YYYY-MM-DD days and writes them back", () => {
    expect(parseDay("2025-06-02")).toBe(D0);
    expect(dayString(D0)).toBe("2025-06-02");
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2024-02-29")).toBe(dayNumber(Date.UTC(2024, 1, 29)));
    expect(dayNumber(Date.UTC(2025, 5, 2, 23, 59, 59, 999))).toBe(D0);
    expect(dayNumber(Date.UTC(2025, 5, 3))).toBe(D0 + 1);
  });

  it.each([
    "",
    "2025-6-2",
    "2025/06/02",
    "06/02/2025",
    "20250602",
    "2025-06-02T00:00:00Z",
    "2025-13-01",
    " 2025-06-02",
    "today",
    "2025-06",
    "2025",
    "+002025-06-02",
  ])("refuses the day %j", (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it("names a file after facility, file, day and action", () => {
    expect(fileName("TRACE-CA", "daily-list", D0, "download")).toBe(
      "TRACE-CA_daily-list_2025-06-02_download.csv",
    );
    expect(fileName("ORF", "otc-symbol-directory", D0 - 1, "delta")).toBe(
      "ORF_otc-symbol-directory_2025-06-01_delta.csv",
    );
  });
});

describe("fixes", () => {
  it("a Delta over several days holds each row as it stands at the end of the period", () => {
    const found = findFile("TRACE-CA", "security-master");
    if (!found) throw new Error("no file");
    const delta = generateFile(found.facility, found.file, {
      action: "delta",
      day: D0 + 10,
      sinceDay: D0,
    });
    const full = new Set(
      generateFile(found.facility, found.file, { action: "download", day: D0 + 10, sinceDay: null })
        .trim()
        .split("\n"),
    );
    const rows = delta.trim().split("\n").slice(1);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(full.has(row), row).toBe(true);
  });

  it("refuses a date that does not exist", () => {
    expect(parseDay("2025-02-30")).toBeNull();
    expect(parseDay("2025-04-31")).toBeNull();
    expect(parseDay("2024-02-29")).not.toBeNull();
  });
});
