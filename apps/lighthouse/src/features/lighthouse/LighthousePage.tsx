import { pickAccountColumns, RouterRowLink, useTableUrlState } from "@keel/app-kit";
import { type AccountListFilters, accountQueries } from "@keel/client";
import { type AccountSummary, lighthouseAccountsOf } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, type DataTableColumn, EmptyState } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";

/**
 * The whole book in one page (the API's maximum). There is no server filter for Lighthouse
 * membership yet, so members are picked out here (LH-1, `lighthouseAccountsOf`); when the book
 * outgrows one page the screen says so instead of silently missing accounts.
 */
export const lighthouseBookFilters: AccountListFilters = { sort: "name", order: "asc", pageSize: 500 };

const detailColumn: DataTableColumn<AccountSummary> = {
  id: "detail",
  header: "Save program",
  cell: (account) => (
    <Link to={`accounts/${account.id}`} aria-label={`Lighthouse view of ${account.name}`}>
      Lighthouse view
    </Link>
  ),
};

const columns = [...pickAccountColumns("name", "arr", "renewalDate", "stage", "segment", "ta"), detailColumn];

/** Lighthouse (SPEC §6): the churn-save program's master list, i.e. the accounts flagged red. */
export function LighthousePage({ accountHref }: RemoteAppProps) {
  const book = useQuery(accountQueries.list(lighthouseBookFilters));
  const table = useTableUrlState({ columnId: "renewalDate", direction: "asc" });
  const redAccounts = useMemo(() => lighthouseAccountsOf(book.data?.items ?? []), [book.data]);
  const checked = book.data?.items.length ?? 0;
  const truncated = book.data !== undefined && book.data.total > book.data.items.length;

  return (
    <div className="lighthouse">
      <header className="lighthouse-header">
        <h1>Lighthouse</h1>
        <p className="lighthouse-lead">
          The churn-save program: every account flagged red, with its renewal and team.
        </p>
      </header>

      {truncated && (
        <p className="lighthouse-note" role="status">
          Only the first {checked.toLocaleString("en-US")} of {book.data.total.toLocaleString("en-US")}{" "}
          accounts were checked for the red flag.
        </p>
      )}

      {book.isSuccess && redAccounts.length === 0 ? (
        <section className="lighthouse-empty" aria-label="Accounts flagged red">
          <EmptyState
            icon="✓"
            title="No accounts are flagged red"
            message={`All ${checked.toLocaleString("en-US")} accounts are clear. When an account is flagged red, it joins the Lighthouse save program and shows up here with its renewal date and team.`}
          />
        </section>
      ) : (
        <DataTable
          caption="Accounts flagged red"
          rowNoun={{ one: "account", other: "accounts" }}
          columns={columns}
          rows={redAccounts}
          getRowId={(account) => account.id}
          {...table}
          filterPlaceholder="Filter by account, segment or TA"
          rowHref={(account) => accountHref(account.id)}
          linkComponent={RouterRowLink}
          loading={book.isPending}
          error={book.error}
          errorTitle="Could not load the Lighthouse list"
          onRetry={() => void book.refetch()}
        />
      )}
    </div>
  );
}
