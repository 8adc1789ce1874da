// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { afterEach, expect, test, vi } from "vitest";
import { signInState } from "@/components/verification/sign-in-state";
import { SignInPage } from "./SignInPage";

// The passkey button and the next steps' code, loaded after the first paint, are not what these
// tests are about.
vi.mock("../components/PasskeySignIn", () => ({ default: () => null }));
vi.mock("../steps", () => ({ preloadSignInSteps: () => undefined }));

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const state = (status: string, username: string | null) =>
  new Response(
    JSON.stringify({
      status,
      username,
      factors: [],
      lastUsed: null,
      sendPushAutomatically: false,
      challenge: null,
    }),
    { headers: { "content-type": "application/json" } },
  );

// Sign In holds the sign-in's state without the query cache (decision 031): each test starts
// with none.
const roots: Root[] = [];
afterEach(() => {
  act(() => roots.splice(0).forEach((root) => root.unmount()));
  document.body.replaceChildren();
  signInState.forget();
  vi.unstubAllGlobals();
});

/** Sign In opened at /signin in a page of the document, with `more` routes beside it. */
async function openSignIn(more: RouteObject[] = []) {
  const router = createMemoryRouter([{ path: "/signin", element: <SignInPage /> }, ...more], {
    initialEntries: ["/signin"],
  });
  const page = document.createElement("div");
  document.body.append(page);
  const root = createRoot(page);
  roots.push(root);
  await act(async () => root.render(<RouterProvider router={router} />));
  return { page, router };
}

/**
 * A slow backend: the state of an earlier, unfinished sign-in (Pat's) arrives only after Jane has
 * typed her username and pressed Next, before Next's answer. Her username and her sign-in win.
 */
test("Next pressed before the page's sign-in state arrives goes on with what was typed", async () => {
  let answerState: (response: Response) => void = () => undefined;
  let answerIdentify = () => undefined as void;
  const fetch = vi.fn((url: URL, init: RequestInit) => {
    if (url.pathname === "/api/authn")
      return new Promise<Response>((resolve) => (answerState = resolve));
    if (url.pathname === "/api/authn/identify") {
      const { username } = JSON.parse(String(init.body)) as { username: string };
      return new Promise<Response>(
        (resolve) => (answerIdentify = () => resolve(state("PASSWORD", username))),
      );
    }
    return Promise.resolve(new Response("{}", { status: 404 }));
  });
  vi.stubGlobal("fetch", fetch);

  const { page, router } = await openSignIn([
    { path: "/signin/password", element: <h1>Verify with your password</h1> },
  ]);

  const field = page.querySelector<HTMLInputElement>('input[name="username"]')!;
  field.value = "jane.doe@yourfirm.org";
  await act(async () => page.querySelector("form")!.requestSubmit());
  // The page's state arrives while Next's request is under way, and before its answer.
  await act(async () => answerState(state("PASSWORD", "pat.admin@yourfirm.org")));
  await act(async () => answerIdentify());

  await act(() =>
    vi.waitFor(() => expect(router.state.location.pathname).toBe("/signin/password")),
  );
  expect(signInState.now()?.data).toMatchObject({ username: "jane.doe@yourfirm.org" });
  const identify = fetch.mock.calls.find(([url]) => url.pathname === "/api/authn/identify");
  expect(JSON.parse(String(identify?.[1].body))).toEqual({ username: "jane.doe@yourfirm.org" });
});

test("A username the sign-in's state brings fills the field when nothing was typed there", async () => {
  vi.stubGlobal("fetch", () => Promise.resolve(state("PASSWORD", "jane.doe@yourfirm.org")));
  const { page } = await openSignIn();
  await act(() =>
    vi.waitFor(() =>
      expect(page.querySelector<HTMLInputElement>('input[name="username"]')!.value).toBe(
        "jane.doe@yourfirm.org",
      ),
    ),
  );
});

/**
 * The user is in the empty field when the state arrives: filling it then would put what they type
 * next after John's username ("john…jane…"). It stays theirs.
 */
test("A username the sign-in's state brings leaves the field alone while the user is in it", async () => {
  let answerState: (response: Response) => void = () => undefined;
  vi.stubGlobal("fetch", () => new Promise<Response>((resolve) => (answerState = resolve)));
  const { page } = await openSignIn();
  // The page's heading takes focus in the frame after it opens (PageHeading); then the user clicks
  // into the field.
  await act(() => vi.waitFor(() => expect(document.activeElement?.tagName).toBe("H1")));
  const field = page.querySelector<HTMLInputElement>('input[name="username"]')!;
  field.focus();

  await act(async () => answerState(state("IDENTIFY", "john.smith@yourfirm.org")));

  expect(signInState.now()?.data).toMatchObject({ username: "john.smith@yourfirm.org" });
  expect(field.value).toBe("");
  expect(document.activeElement).toBe(field);
});
