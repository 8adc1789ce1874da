import { describe, expect, it } from "vitest";
import { endpoints } from "@/api/endpoints";
import { paths } from "@/config/paths";
import { routeTable } from "./route-table";

describe("the route table", () => {
  it("has one page for every URL in paths, and no other", () => {
    const tablePaths = routeTable.map((route) => route.path);
    expect(new Set(tablePaths).size).toBe(tablePaths.length);
    expect([...tablePaths].sort()).toEqual(Object.values(paths).sort());
  });

  it("names each page by the file that exports it", async () => {
    for (const route of routeTable) {
      const module = (await import(/* @vite-ignore */ route.module)) as Record<string, unknown>;
      expect(typeof module[route.page], `${route.page} in ${route.module}`).toBe("function");
    }
    // It compiles every page of the app: seconds on a busy 2-core host.
  }, 60_000);

  it("sends early only the GETs named in endpoints, and each of them for some page", () => {
    const opened = new Set(routeTable.flatMap((route) => route.opensWith ?? []));
    expect([...opened].sort()).toEqual(Object.values(endpoints).sort());
  });
});
