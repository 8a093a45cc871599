import { pickAccountColumns } from "@keel/app-kit";
import { type AccountListFilters, accountQueries } from "@keel/client";
import type { AccountSummary } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, EmptyState } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

/**
 * The whole book in one page (the API's maximum). There is no server filter for the red flag
 * yet, so red accounts are picked out here; when the book outgrows one page the screen says
 * so instead of silently missing accounts. A `redAccount` filter on GET /accounts replaces this.
 */
export const lighthouseBookFilters: AccountListFilters = { sort: "name", order: "asc", pageSize: 500 };

export const redAccountsOf = (accounts: readonly AccountSummary[]) =>
  accounts.filter((account) => account.redAccount);

const columns = pickAccountColumns("name", "arr", "renewalDate", "stage", "segment", "ta");

/** Lighthouse (SPEC §6): the churn-save program's master list, i.e. the accounts flagged red. */
export function LighthousePage({ accountHref, navigate }: RemoteAppProps) {
  const book = useQuery(accountQueries.list(lighthouseBookFilters));
  const redAccounts = useMemo(() => redAccountsOf(book.data?.items ?? []), [book.data]);
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
          defaultSort={{ columnId: "renewalDate", direction: "asc" }}
          filterPlaceholder="Filter by account, segment or TA"
          rowHref={(account) => accountHref(account.id)}
          onRowClick={navigate ? (account) => navigate(accountHref(account.id)) : undefined}
          loading={book.isPending}
          error={book.error}
          errorTitle="Could not load the Lighthouse list"
          onRetry={() => void book.refetch()}
        />
      )}
    </div>
  );
}
