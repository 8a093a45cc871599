import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type RowLinkProps,
  type SortState,
} from "./DataTable.tsx";
import { type AccountRow, accountColumns, accountRows } from "./fixtures.tsx";

/** Stands in for a router's link: it follows the href itself unless the table took the click. */
const followedLinks: string[] = [];
function RouterLink({ href, className, onClick, children }: RowLinkProps) {
  return (
    <a
      href={href}
      className={className}
      data-router-link=""
      onClick={(event) => {
        onClick(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        followedLinks.push(href);
      }}
    >
      {children}
    </a>
  );
}

function renderTable(props: Partial<DataTableProps<AccountRow>> = {}) {
  const user = userEvent.setup();
  const view = render(
    <DataTable
      caption="Accounts"
      columns={accountColumns}
      rows={accountRows}
      getRowId={(row) => row.id}
      rowNoun={{ one: "account", other: "accounts" }}
      {...props}
    />,
  );
  return { user, ...view };
}

/** Account names in the order the table shows them. */
function shownNames(): string[] {
  const table = screen.getByRole("table", { name: "Accounts" });
  return within(table)
    .queryAllByRole("rowheader")
    .map((cell) => cell.textContent ?? "");
}

function columnHeader(name: string): HTMLElement {
  return screen.getByRole("columnheader", { name: new RegExp(name) });
}

function countText(): string {
  return document.querySelector(".keel-table__count")?.textContent ?? "";
}

const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

describe("DataTable sorting", () => {
  it("sorts ascending on the first header click and descending on the second", async () => {
    const { user } = renderTable();
    const arr = columnHeader("ARR");
    expect(arr.getAttribute("aria-sort")).toBeNull();

    await user.click(within(arr).getByRole("button"));
    expect(arr.getAttribute("aria-sort")).toBe("ascending");
    expect(shownNames().slice(0, 3)).toEqual(["Ion Semiconductors", "Helios Solar", "Delta Grid Energy"]);

    await user.click(within(arr).getByRole("button"));
    expect(arr.getAttribute("aria-sort")).toBe("descending");
    expect(shownNames().slice(0, 3)).toEqual(["Ember Analytics", "Cobalt Health", "Acme Robotics"]);
  });

  it("moves the sort to another column and only marks that column as sorted", async () => {
    const { user } = renderTable({ defaultSort: { columnId: "arr", direction: "desc" } });
    await user.click(screen.getByRole("button", { name: /Account/ }));
    expect(columnHeader("Account").getAttribute("aria-sort")).toBe("ascending");
    expect(columnHeader("ARR").getAttribute("aria-sort")).toBeNull();
    expect(shownNames()).toEqual(byName(accountRows.map((row) => row.name)));
  });

  it("sorts from the keyboard with Enter and Space on the header button", async () => {
    const { user } = renderTable();
    const nameButton = screen.getByRole("button", { name: /Account/ });
    nameButton.focus();
    await user.keyboard("{Enter}");
    expect(columnHeader("Account").getAttribute("aria-sort")).toBe("ascending");
    expect(shownNames()[0]).toBe("Acme Robotics");

    await user.keyboard(" ");
    expect(columnHeader("Account").getAttribute("aria-sort")).toBe("descending");
    expect(shownNames()[0]).toBe("Juniper Retail Group");
  });

  it("keeps rows without a value at the bottom in both directions", async () => {
    const { user } = renderTable();
    const renewal = within(columnHeader("Renewal")).getByRole("button");
    const undated = ["Granite Insurance", "Ion Semiconductors"];

    await user.click(renewal);
    expect(shownNames()[0]).toBe("Juniper Retail Group");
    expect(shownNames().slice(-2).sort()).toEqual(undated);

    await user.click(renewal);
    expect(shownNames()[0]).toBe("Delta Grid Energy");
    expect(shownNames().slice(-2).sort()).toEqual(undated);
  });

  it("does not offer sorting on a column without a sort value", () => {
    const columns: DataTableColumn<AccountRow>[] = [
      { id: "name", header: "Account", cell: (row) => row.name },
      { id: "owner", header: "TA", cell: (row) => row.owner, sortValue: (row) => row.owner },
    ];
    renderTable({ columns });
    expect(within(columnHeader("Account")).queryByRole("button")).toBeNull();
    expect(within(columnHeader("TA")).getByRole("button")).toBeTruthy();
  });

  it("follows a controlled sort and reports clicks instead of sorting on its own", async () => {
    const onSortChange = vi.fn<(sort: SortState) => void>();
    const { user, rerender } = renderTable({ sort: { columnId: "arr", direction: "asc" }, onSortChange });
    expect(shownNames()[0]).toBe("Ion Semiconductors");

    await user.click(within(columnHeader("ARR")).getByRole("button"));
    expect(onSortChange).toHaveBeenCalledWith({ columnId: "arr", direction: "desc" });
    // The parent has not changed the prop yet, so the order must not change.
    expect(columnHeader("ARR").getAttribute("aria-sort")).toBe("ascending");
    expect(shownNames()[0]).toBe("Ion Semiconductors");

    rerender(
      <DataTable
        caption="Accounts"
        columns={accountColumns}
        rows={accountRows}
        getRowId={(row) => row.id}
        sort={{ columnId: "arr", direction: "desc" }}
        onSortChange={onSortChange}
      />,
    );
    expect(shownNames()[0]).toBe("Ember Analytics");
  });

  it("in server mode shows rows in the order given and only reports the requested sort", async () => {
    const onSortChange = vi.fn<(sort: SortState) => void>();
    const page = accountRows.slice(0, 3);
    const { user } = renderTable({
      mode: "server",
      rows: page,
      totalCount: 10,
      sort: { columnId: "name", direction: "asc" },
      onSortChange,
    });
    await user.click(screen.getByRole("button", { name: /Account/ }));
    expect(onSortChange).toHaveBeenCalledWith({ columnId: "name", direction: "desc" });
    expect(shownNames()).toEqual(page.map((row) => row.name));
    expect(countText()).toBe("3 of 10 accounts");
  });
});

describe("DataTable filtering", () => {
  it("filters across the filterable columns and updates the count", async () => {
    const { user } = renderTable();
    expect(countText()).toBe("10 accounts");

    await user.type(screen.getByLabelText("Filter"), "dana");
    expect(shownNames()).toEqual(["Acme Robotics", "Cobalt Health", "Ion Semiconductors"]);
    expect(countText()).toBe("3 of 10 accounts");
  });

  it("matches every word, each in any column, ignoring case", async () => {
    const { user } = renderTable();
    // "renewing" matches the stage column, "RED" the health column.
    await user.type(screen.getByLabelText("Filter"), "renewing RED");
    expect(shownNames()).toEqual(["Cobalt Health"]);
  });

  it("does not search columns without a filter value", async () => {
    const { user } = renderTable();
    // ARR is shown as "$180,000" but is not filterable.
    await user.type(screen.getByLabelText("Filter"), "180,000");
    expect(shownNames()).toEqual([]);
  });

  it("shows a distinct no-match state whose button clears the filter and refocuses the box", async () => {
    const { user } = renderTable({ emptyMessage: "No accounts assigned to you yet." });
    const filter = screen.getByLabelText("Filter");
    await user.type(filter, "zeppelin");

    expect(screen.getByText("No accounts match “zeppelin”")).toBeTruthy();
    expect(screen.queryByText("No accounts assigned to you yet.")).toBeNull();
    expect(countText()).toBe("0 of 10 accounts");

    await user.click(screen.getByRole("button", { name: "Clear filter" }));
    expect(shownNames()).toHaveLength(10);
    expect((filter as HTMLInputElement).value).toBe("");
    expect(document.activeElement).toBe(filter);
  });

  it("clears the filter with Escape", async () => {
    const { user } = renderTable({ defaultFilter: "helios" });
    expect(shownNames()).toEqual(["Helios Solar"]);
    await user.click(screen.getByLabelText("Filter"));
    await user.keyboard("{Escape}");
    expect(shownNames()).toHaveLength(10);
  });

  it("follows a controlled filter and reports typing", async () => {
    const onFilterChange = vi.fn<(filter: string) => void>();
    renderTable({ filter: "acme", onFilterChange });
    expect(shownNames()).toEqual(["Acme Robotics"]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Filter"), "x");
    expect(onFilterChange).toHaveBeenLastCalledWith("acmex");
    expect((screen.getByLabelText("Filter") as HTMLInputElement).value).toBe("acme");
  });

  it("hides the filter box when no column is filterable", () => {
    renderTable({ columns: [{ id: "name", header: "Account", cell: (row) => row.name }] });
    expect(screen.queryByLabelText("Filter")).toBeNull();
  });
});

describe("DataTable states", () => {
  it("shows skeleton rows and marks the table busy while loading", () => {
    renderTable({ loading: true, rows: [], skeletonRows: 4 });
    const table = screen.getByRole("table", { name: "Accounts" });
    expect(table.getAttribute("aria-busy")).toBe("true");
    expect(table.querySelectorAll("tbody tr.keel-table__skeleton-row")).toHaveLength(4);
    expect(shownNames()).toEqual([]);
    expect(countText()).toBe("Loading…");
  });

  it("shows the empty message when there are no rows at all", () => {
    renderTable({ rows: [], emptyMessage: "No accounts assigned to you yet." });
    expect(screen.getByText("No accounts assigned to you yet.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clear filter" })).toBeNull();
    expect(countText()).toBe("0 accounts");
  });

  it("falls back to a default empty message built from the row noun", () => {
    renderTable({ rows: [] });
    expect(screen.getByText("No accounts yet")).toBeTruthy();
  });

  it("shows the error's message and calls onRetry when Retry is pressed", async () => {
    const onRetry = vi.fn();
    const { user } = renderTable({ rows: [], error: new Error("Gateway timeout (requestId 42)"), onRetry });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Could not load accounts");
    expect(alert.textContent).toContain("Gateway timeout (requestId 42)");
    expect(onRetry).not.toHaveBeenCalled();

    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("prefers the error state over stale rows", () => {
    renderTable({ error: { code: "INTERNAL", message: "Database unavailable" } });
    expect(screen.getByRole("alert").textContent).toContain("Database unavailable");
    expect(shownNames()).toEqual([]);
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });
});

describe("DataTable row activation", () => {
  it("calls onRowClick for a click anywhere on the row", async () => {
    const onRowClick = vi.fn();
    const { user } = renderTable({ onRowClick });
    await user.click(screen.getByText("Fjord Maritime"));
    expect(onRowClick).toHaveBeenCalledWith(expect.objectContaining({ id: "a6" }));
  });

  it("lets keyboard users reach a row with Tab and activate it with Enter", async () => {
    const onRowClick = vi.fn();
    const { user } = renderTable({ onRowClick, columns: accountColumns.slice(0, 2) });
    const row = screen.getByText("Borealis Freight").closest("tr");
    row?.focus();
    expect(document.activeElement).toBe(row);
    await user.keyboard("{Enter}");
    expect(onRowClick).toHaveBeenCalledTimes(1);
    expect(onRowClick).toHaveBeenCalledWith(expect.objectContaining({ id: "a2" }));

    await user.tab();
    expect(document.activeElement).toBe(screen.getByText("Cobalt Health").closest("tr"));
  });

  it("leaves clicks on controls inside a cell to those controls", async () => {
    const onRowClick = vi.fn();
    const onSnooze = vi.fn();
    const columns: DataTableColumn<AccountRow>[] = [
      ...accountColumns.slice(0, 1),
      {
        id: "actions",
        header: "Actions",
        cell: () => (
          <button type="button" onClick={onSnooze}>
            Snooze
          </button>
        ),
      },
    ];
    const { user } = renderTable({ onRowClick, columns });
    await user.click(screen.getAllByRole("button", { name: "Snooze" })[0]!);
    expect(onSnooze).toHaveBeenCalledTimes(1);
    expect(onRowClick).not.toHaveBeenCalled();
  });

  it("renders the row header as a link, and hands a plain click to onRowClick", async () => {
    const onRowClick = vi.fn();
    const { user } = renderTable({ onRowClick, rowHref: (row) => `/accounts/${row.id}` });
    const link = screen.getByRole("link", { name: "Acme Robotics" });
    expect(link.getAttribute("href")).toBe("/accounts/a1");

    // Listen on the document: it hears the click after React's root listener has run.
    let defaultPrevented = false;
    const listener = (event: Event) => {
      defaultPrevented = event.defaultPrevented;
    };
    document.addEventListener("click", listener);
    await user.click(link);
    document.removeEventListener("click", listener);
    expect(onRowClick).toHaveBeenCalledTimes(1);
    expect(onRowClick).toHaveBeenCalledWith(expect.objectContaining({ id: "a1" }));
    expect(defaultPrevented).toBe(true);

    link.focus();
    await user.keyboard("{Enter}");
    expect(onRowClick).toHaveBeenCalledTimes(2);
  });

  it("renders row links with the app's link component, and a row click follows it", async () => {
    followedLinks.length = 0;
    const { user } = renderTable({ rowHref: (row) => `/accounts/${row.id}`, linkComponent: RouterLink });
    const link = screen.getByRole("link", { name: "Acme Robotics" });
    expect(link.getAttribute("href")).toBe("/accounts/a1");
    expect(link.hasAttribute("data-router-link")).toBe(true);

    await user.click(link);
    await user.click(screen.getByText("Borealis Freight").closest("tr")?.querySelector("td") as Element);
    expect(followedLinks).toEqual(["/accounts/a1", "/accounts/a2"]);
  });

  it("lets a modified click on the row link through to the browser (open in new tab)", async () => {
    const onRowClick = vi.fn();
    const { user } = renderTable({ onRowClick, rowHref: (row) => `/accounts/${row.id}` });
    const link = screen.getByRole("link", { name: "Acme Robotics" });
    let defaultPrevented: boolean | undefined;
    const listener = (event: Event) => {
      defaultPrevented = event.defaultPrevented;
      // jsdom cannot navigate; stop it from trying once the table has had its say.
      event.preventDefault();
    };
    document.addEventListener("click", listener);
    await user.keyboard("{Control>}");
    await user.click(link);
    await user.keyboard("{/Control}");
    document.removeEventListener("click", listener);
    expect(defaultPrevented).toBe(false);
    expect(onRowClick).not.toHaveBeenCalled();
  });

  it("names the table by its caption and uses row headers for the first column", () => {
    renderTable();
    const table = screen.getByRole("table", { name: "Accounts" });
    expect(table.querySelector("caption")?.textContent).toContain("Accounts");
    expect(within(table).getAllByRole("rowheader")).toHaveLength(accountRows.length);
  });
});
