import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo, useState } from "react";
import { expect, fn, userEvent } from "storybook/test";
import { Button } from "../Button/Button.tsx";
import { Card } from "../Card/Card.tsx";
import { DataTable, type SortState } from "./DataTable.tsx";
import { type AccountRow, accountColumns, accountRows } from "./fixtures.tsx";
import { compareSortValues, matchesFilter } from "./sorting.ts";

const meta = {
  title: "Data/DataTable",
  component: DataTable<AccountRow>,
  args: {
    caption: "Accounts",
    columns: accountColumns,
    rows: accountRows,
    getRowId: (row) => row.id,
    rowNoun: { one: "account", other: "accounts" },
  },
} satisfies Meta<typeof DataTable<AccountRow>>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Client-side: every column with a `sortValue` sorts, the filter searches name, TA, health and stage. */
export const Default: Story = {};

export const SortedByArr: Story = {
  args: { defaultSort: { columnId: "arr", direction: "desc" } },
  play: async ({ canvas }) => {
    const arrHeader = canvas.getByRole("columnheader", { name: /ARR/ });
    await expect(arrHeader).toHaveAttribute("aria-sort", "descending");
    const firstRowHeader = canvas.getAllByRole("rowheader")[0];
    await expect(firstRowHeader).toHaveTextContent("Ember Analytics");
  },
};

export const SortByClickingAHeader: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: /Renewal/ }));
    await expect(canvas.getByRole("columnheader", { name: /Renewal/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    // Earliest renewal first; accounts with no renewal date stay at the bottom.
    await expect(canvas.getAllByRole("rowheader")[0]).toHaveTextContent("Juniper Retail Group");
  },
};

export const Filtered: Story = {
  args: { defaultFilter: "dana" },
};

export const FilterWithSeveralWords: Story = {
  args: { defaultFilter: "renewing red" },
};

export const NoMatch: Story = {
  args: { defaultFilter: "zeppelin" },
};

export const Loading: Story = {
  args: { loading: true, rows: [] },
};

export const ErrorWithRetry: Story = {
  args: {
    rows: [],
    error: new Error("The accounts service did not answer in time (requestId 7f3a)."),
    onRetry: fn(),
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const Empty: Story = {
  args: {
    rows: [],
    emptyMessage: "No accounts assigned to you yet.",
    emptyAction: <Button size="sm">Browse all accounts</Button>,
  },
};

export const ClickableRows: Story = {
  args: { onRowClick: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByText("Borealis Freight"));
    await expect(args.onRowClick).toHaveBeenCalledWith(expect.objectContaining({ id: "a2" }));
  },
};

/** The account name is a real link (open in new tab works); a plain click is handed to `onRowClick`. */
export const RowLinks: Story = {
  args: {
    rowHref: (row) => `#/accounts/${row.id}`,
    onRowClick: fn(),
  },
};

/**
 * Row links drawn by the app's own link component (here a stand-in for React Router's `<Link>`):
 * clicking a row follows it without `onRowClick`.
 */
export const RouterRowLinks: Story = {
  args: {
    rowHref: (row) => `#/accounts/${row.id}`,
    linkComponent: ({ href, className, onClick, children }) => (
      <a
        href={href}
        className={className}
        data-router-link=""
        onClick={(event) => {
          onClick(event);
          event.preventDefault();
        }}
      >
        {children}
      </a>
    ),
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole("link", { name: "Borealis Freight" }).getAttribute("data-router-link"),
    ).toBe("");
  },
};

export const Compact: Story = {
  args: { density: "compact", defaultSort: { columnId: "health", direction: "asc" } },
};

export const InACard: Story = {
  render: (args) => (
    <Card
      title="Book of business"
      actions={
        <Button size="sm" variant="primary">
          Export CSV
        </Button>
      }
    >
      <DataTable {...args} />
    </Card>
  ),
};

const PAGE_SIZE = 4;

/** Stands in for the API: sorts and filters the whole list, answers with one page and a total. */
function fetchAccountsPage(sort: SortState | null, filter: string): { rows: AccountRow[]; total: number } {
  const matching = accountRows.filter((row) => matchesFilter([row.name, row.owner], filter));
  const sortValue = accountColumns.find((column) => column.id === sort?.columnId)?.sortValue;
  if (sort && sortValue)
    matching.sort((a, b) => compareSortValues(sortValue(a), sortValue(b), sort.direction));
  return { rows: matching.slice(0, PAGE_SIZE), total: matching.length };
}

/** Sort and filter are controlled, as when they live in the URL and the query key. */
function ServerSideDemo() {
  const [sort, setSort] = useState<SortState | null>({ columnId: "name", direction: "asc" });
  const [filter, setFilter] = useState("");
  const page = useMemo(() => fetchAccountsPage(sort, filter), [sort, filter]);
  return (
    <DataTable
      caption="Accounts"
      mode="server"
      columns={accountColumns}
      rows={page.rows}
      totalCount={page.total}
      getRowId={(row) => row.id}
      rowNoun={{ one: "account", other: "accounts" }}
      sort={sort}
      onSortChange={setSort}
      filter={filter}
      onFilterChange={setFilter}
    />
  );
}

export const ServerSide: Story = {
  render: () => <ServerSideDemo />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText("4 of 10 accounts")).toBeVisible();
    // Descending by name: the "server" returns a different first page, not a re-sorted one.
    await userEvent.click(canvas.getByRole("button", { name: /Account/ }));
    await expect(canvas.getAllByRole("rowheader")[0]).toHaveTextContent("Juniper Retail Group");
  },
};
