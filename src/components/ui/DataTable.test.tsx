// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { expect, test, vi } from "vitest";
import { DataTable, type Column } from "./DataTable";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Token = { id: string; last4: string; active: boolean };

async function render(element: React.ReactElement): Promise<HTMLElement> {
  const page = document.createElement("div");
  await act(async () => createRoot(page).render(element));
  return page;
}

const texts = (elements: NodeListOf<Element>) => [...elements].map((e) => e.textContent);

test("each cell is named by its column, for the phone's stacked rows; a column of buttons is not", async () => {
  const columns: Column<Token>[] = [
    { header: "Refresh Token", cell: (token) => `••••${token.last4}` },
    { header: "IsActive", cell: (token) => String(token.active) },
    { header: "Actions", headerHidden: true, cell: () => <button type="button">Revoke</button> },
  ];
  const page = await render(
    <DataTable
      columns={columns}
      rows={[
        { id: "a", last4: "1111", active: true },
        { id: "b", last4: "2222", active: false },
      ]}
      rowKey={(token) => token.id}
      empty="No tokens"
      caption="Current tokens"
    />,
  );
  expect(page.querySelector("caption")?.textContent).toBe("Current tokens");
  expect(texts(page.querySelectorAll("th"))).toEqual(["Refresh Token", "IsActive", "Actions"]);
  expect(page.querySelector("th:last-child span.visually-hidden")?.textContent).toBe("Actions");
  const firstRow = page.querySelectorAll("tbody tr")[0]!;
  expect([...firstRow.querySelectorAll("td")].map((td) => td.dataset.label)).toEqual([
    "Refresh Token",
    "IsActive",
    undefined,
  ]);
  expect(texts(page.querySelectorAll("tbody tr:nth-child(2) td"))).toEqual([
    "••••2222",
    "false",
    "Revoke",
  ]);
  expect(page.textContent).not.toContain("No tokens");
});

test("no rows: one line across every column says so", async () => {
  const page = await render(
    <DataTable<Token>
      columns={[
        { header: "A", cell: (token) => token.id },
        { header: "B", cell: (token) => token.last4 },
      ]}
      rows={[]}
      rowKey={(token) => token.id}
      empty="No tokens"
    />,
  );
  const cell = page.querySelector("tbody td") as HTMLTableCellElement;
  expect(cell.textContent).toBe("No tokens");
  expect(cell.colSpan).toBe(2);
  expect(page.querySelector("caption")).toBeNull();
});

test("a sorted column says how it is sorted, and its header asks for the other way", async () => {
  const onSort = vi.fn();
  const page = await render(
    <DataTable<Token>
      columns={[
        { header: "Name", sort: { direction: "asc", onSort }, cell: (token) => token.id },
        { header: "Email", sort: { direction: null, onSort }, cell: (token) => token.last4 },
      ]}
      rows={[{ id: "a", last4: "1111", active: true }]}
      rowKey={(token) => token.id}
    />,
  );
  const [name, email] = [...page.querySelectorAll("th")];
  expect(name!.getAttribute("aria-sort")).toBe("ascending");
  expect(email!.hasAttribute("aria-sort")).toBe(false);
  await act(async () => name!.querySelector("button")!.click());
  expect(onSort).toHaveBeenLastCalledWith("desc");
  await act(async () => email!.querySelector("button")!.click());
  expect(onSort).toHaveBeenLastCalledWith("asc");
});
