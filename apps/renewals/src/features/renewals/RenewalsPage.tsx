import { accountColumns, pickAccountColumns } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import type { AccountSummary } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, type DataTableColumn } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { countByWindow, daysLeftLabel, RENEWAL_HORIZON_DAYS, renewalWindows } from "./renewal-windows.ts";

const daysLeftColumn: DataTableColumn<AccountSummary> = {
  id: "daysLeft",
  header: "Days left",
  align: "end",
  cell: (account) => (
    <span
      className={
        account.daysToRenewal !== null && account.daysToRenewal <= 30 ? "renewals-days--soon" : undefined
      }
    >
      {daysLeftLabel(account.daysToRenewal)}
    </span>
  ),
  sortValue: (account) => account.daysToRenewal,
};

const columns = [
  accountColumns.name,
  accountColumns.renewalDate,
  daysLeftColumn,
  ...pickAccountColumns("arr", "segment", "stage", "ta"),
];

/** The renewal pipeline: every account renewing within the horizon, soonest first. */
export function RenewalsPage({ accountHref, navigate }: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useState(false);
  const mineOnlyId = useId();
  const renewals = useQuery({
    ...accountQueries.list({
      ta: mineOnly ? "mine" : undefined,
      renewalWithinDays: RENEWAL_HORIZON_DAYS,
      sort: "renewalDate",
      order: "asc",
      pageSize: 500,
    }),
    // Toggling "Mine only" keeps the current rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
  const accounts = useMemo(() => renewals.data?.items ?? [], [renewals.data]);
  const counts = useMemo(() => countByWindow(accounts), [accounts]);

  return (
    <div className="renewals">
      <header className="renewals-header">
        <h1>Renewals</h1>
        <p className="renewals-lead">
          Accounts renewing in the next {RENEWAL_HORIZON_DAYS} days, soonest first.
        </p>
      </header>

      <dl className="renewals-windows" aria-busy={renewals.isPending || undefined}>
        {renewalWindows.map((window) => (
          <div key={window.id} className="renewals-window">
            <dt>{window.label}</dt>
            <dd>{renewals.isPending ? "…" : counts[window.id]}</dd>
          </div>
        ))}
      </dl>

      <DataTable
        caption="Upcoming renewals"
        rowNoun={{ one: "renewal", other: "renewals" }}
        columns={columns}
        rows={accounts}
        getRowId={(account) => account.id}
        defaultSort={{ columnId: "renewalDate", direction: "asc" }}
        filterPlaceholder="Filter by account, segment or TA"
        rowHref={(account) => accountHref(account.id)}
        onRowClick={navigate ? (account) => navigate(accountHref(account.id)) : undefined}
        loading={renewals.isPending}
        error={renewals.error}
        errorTitle="Could not load the renewals"
        onRetry={() => void renewals.refetch()}
        emptyMessage={
          mineOnly
            ? `None of your accounts renew in the next ${RENEWAL_HORIZON_DAYS} days`
            : `No account renews in the next ${RENEWAL_HORIZON_DAYS} days`
        }
        toolbar={
          <label className="renewals-toggle" htmlFor={mineOnlyId}>
            <input
              id={mineOnlyId}
              type="checkbox"
              checked={mineOnly}
              onChange={(event) => setMineOnly(event.target.checked)}
            />
            Mine only
          </label>
        }
      />
    </div>
  );
}
