// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, expect, test, vi } from "vitest";
import { MobilePassApp } from "./MobilePassApp";

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

/**
 * The inbox is prerendered (decision 025): a person (or a test) can type the activation string
 * into the HTML before the app runs. The app's first renders after hydration (its token list
 * arriving) must keep it, and Add token must send it.
 */
test("An activation string typed before the inbox's app runs is kept and added", async () => {
  let answerTokens: (response: Response) => void = () => undefined;
  const added: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((url: URL, init?: RequestInit) => {
      if (init?.method === "POST") {
        added.push(JSON.parse(String(init.body)));
        return Promise.resolve(json({ tokens: [] }));
      }
      if (url.pathname === "/__dev/mobilepass")
        return new Promise<Response>((resolve) => (answerTokens = resolve));
      return Promise.resolve(new Response("{}", { status: 404 }));
    }),
  );
  const app = () => (
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <MobilePassApp />
    </QueryClientProvider>
  );
  const page = document.createElement("div");
  document.body.append(page);
  page.innerHTML = renderToString(app());
  const field = page.querySelector<HTMLInputElement>("input")!;
  field.value = "KHBJ JHGG YXEY RFGB KUOY 6B6X 5S7L ELYQ";

  await act(async () => hydrateRoot(page, app()));
  await act(async () => answerTokens(json({ tokens: [] })));

  expect(field.value).toBe("KHBJ JHGG YXEY RFGB KUOY 6B6X 5S7L ELYQ");
  const add = page.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  expect(add.disabled).toBe(false);
  await act(async () => add.click());
  await act(() => vi.waitFor(() => expect(added).toHaveLength(1)));
  expect(added[0]).toEqual({ activationString: "KHBJ JHGG YXEY RFGB KUOY 6B6X 5S7L ELYQ" });
});
