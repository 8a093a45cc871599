import { MineOnlyToggle, RouterRowLink, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { countByRenewalBand, RENEWAL_HORIZON_DAYS, renewalBands } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { RenewalsTabs } from "./RenewalsTabs.tsx";
import { renewalColumns } from "./renewal-columns.tsx";

/** The renewal pipeline: every account renewing within the horizon, soonest first. */
export function RenewalsPage({ accountHref }: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "renewalDate", direction: "asc" });
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
  const counts = useMemo(() => countByRenewalBand(accounts), [accounts]);

  return (
    <div className="renewals">
      <header className="renewals-header">
        <h1>Renewals</h1>
        <p className="renewals-lead">
          Accounts renewing in the next {RENEWAL_HORIZON_DAYS} days, soonest first.
        </p>
      </header>
      <RenewalsTabs from="index" />

      <dl className="renewals-windows" aria-busy={renewals.isPending || undefined}>
        {renewalBands.map((band) => (
          <div key={band.id} className="renewals-window">
            <dt>{band.label}</dt>
            <dd>{renewals.isPending ? "…" : counts[band.id]}</dd>
          </div>
        ))}
      </dl>

      <DataTable
        caption="Upcoming renewals"
        rowNoun={{ one: "renewal", other: "renewals" }}
        columns={renewalColumns}
        rows={accounts}
        getRowId={(account) => account.id}
        {...table}
        filterPlaceholder="Filter by account, segment or TA"
        rowHref={(account) => accountHref(account.id)}
        linkComponent={RouterRowLink}
        loading={renewals.isPending}
        error={renewals.error}
        errorTitle="Could not load the renewals"
        onRetry={() => void renewals.refetch()}
        emptyMessage={
          mineOnly
            ? `None of your accounts renew in the next ${RENEWAL_HORIZON_DAYS} days`
            : `No account renews in the next ${RENEWAL_HORIZON_DAYS} days`
        }
        toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
      />
    </div>
  );
}
