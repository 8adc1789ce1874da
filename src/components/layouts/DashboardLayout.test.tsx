// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { afterEach, expect, test, vi } from "vitest";
import type { Me } from "@/api/contracts/me";
import { meQueryOptions } from "@/api/me";
import { DashboardLayout, dashboardLoading } from "./DashboardLayout";
import { RequireSession } from "./RequireSession";

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => vi.unstubAllGlobals());

/** On a phone, Menu opened while the page still loads stays open when the user is known. */
test("the dashboard's frame stays mounted from loading to loaded", async () => {
  vi.stubGlobal("fetch", () => new Promise<Response>(() => undefined)); // /api/me: not yet
  const client = new QueryClient();
  const page = document.createElement("div");
  await act(async () =>
    createRoot(page).render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <RequireSession whileLoading={dashboardLoading("My Apps")}>
            {(me) => (
              <DashboardLayout me={me}>
                <p>{me.firstName}&apos;s apps</p>
              </DashboardLayout>
            )}
          </RequireSession>
        </MemoryRouter>
      </QueryClientProvider>,
    ),
  );
  const menu = page.querySelector<HTMLButtonElement>("button.nav-toggle")!;
  await act(async () => menu.click());
  expect(menu.getAttribute("aria-expanded")).toBe("true");

  const jane = { firstName: "Jane", lastName: "Doe", traqsUsernames: [] } as unknown as Me;
  await act(async () => client.setQueryData(meQueryOptions().queryKey, jane));
  // The signed-in page mounts in a deferred render (useDeferredQuery): a task later.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(page.textContent).toContain("Jane's apps");
  expect(page.querySelector("button.nav-toggle")).toBe(menu);
  expect(menu.getAttribute("aria-expanded")).toBe("true");
});
