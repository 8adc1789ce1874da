import { describe, expect, it } from "vitest";
import { pages } from "virtual:pages";
import { paths } from "@/config/paths";
import { SignInPage } from "@/features/sign-in/routes/SignInPage";
import { routeTable } from "./route-table";

describe("the router's pages", () => {
  it("are the route table's, the username screen in the first file and every other page lazy", () => {
    expect(pages.map((page) => page.path)).toEqual(routeTable.map((route) => route.path));
    for (const { path, Page } of pages) {
      if (path === paths.signIn) expect(Page).toBe(SignInPage);
      else expect((Page as { $$typeof?: symbol }).$$typeof, path).toBe(Symbol.for("react.lazy"));
    }
  });
});
