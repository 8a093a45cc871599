import { accountQueries } from "@keel/client";
import {
  type AccountSummary,
  type LifecycleStage,
  lifecycleStageLabels,
  lifecycleStages,
  segmentLabels,
  segments,
} from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable, type DataTableColumn, DateText, Money } from "@keel/ui";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { StagePicker } from "./StagePicker.tsx";

const columns: readonly DataTableColumn<AccountSummary>[] = [
  {
    id: "name",
    header: "Account",
    cell: (account) => account.name,
    sortValue: (account) => account.name,
    filterValue: (account) => account.name,
  },
  {
    id: "segment",
    header: "Segment",
    cell: (account) => segmentLabels[account.segment],
    sortValue: (account) => segments.indexOf(account.segment),
    filterValue: (account) => segmentLabels[account.segment],
  },
  {
    id: "seats",
    header: "Seats",
    align: "end",
    cell: (account) => account.seatsPurchased.toLocaleString("en-US"),
    sortValue: (account) => account.seatsPurchased,
  },
  {
    id: "arr",
    header: "ARR",
    align: "end",
    cell: (account) => <Money cents={account.arrCents} currency={account.currency} />,
    sortValue: (account) => account.arrCents,
  },
  {
    id: "renewalDate",
    header: "Renewal date",
    cell: (account) => <DateText value={account.renewalDate} fallback="Not set" />,
    sortValue: (account) => account.renewalDate,
  },
  {
    id: "ta",
    header: "TA",
    cell: (account) => account.ta?.name ?? <span className="adoption-muted">Unassigned</span>,
    sortValue: (account) => account.ta?.name,
    filterValue: (account) => account.ta?.name,
  },
];

/** Adoption: how the book spreads over the lifecycle stages, and the accounts in one stage. */
export function AdoptionPage({ accountHref, navigate }: RemoteAppProps) {
  const [stage, setStage] = useState<LifecycleStage>("onboarding");

  // One tiny page per stage: the API's `total` is the count, so nothing is counted here.
  const stageCounts = useQueries({
    queries: lifecycleStages.map((s) => accountQueries.list({ stage: s, pageSize: 1 })),
    combine: (results) =>
      Object.fromEntries(
        lifecycleStages.flatMap((s, index) => {
          const total = results[index]?.data?.total;
          return total === undefined ? [] : [[s, total]];
        }),
      ) as Partial<Record<LifecycleStage, number>>,
  });

  const accounts = useQuery({
    ...accountQueries.list({ stage, sort: "name", order: "asc", pageSize: 500 }),
    placeholderData: keepPreviousData,
  });
  const stageLabel = lifecycleStageLabels[stage];

  return (
    <div className="adoption">
      <header className="adoption-header">
        <h1>Adoption</h1>
        <p className="adoption-lead">Accounts by lifecycle stage. Pick a stage to see its accounts.</p>
      </header>

      <StagePicker selected={stage} onSelect={setStage} counts={stageCounts} />

      <DataTable
        caption={`Accounts in ${stageLabel}`}
        rowNoun={{ one: "account", other: "accounts" }}
        columns={columns}
        rows={accounts.data?.items ?? []}
        getRowId={(account) => account.id}
        defaultSort={{ columnId: "name", direction: "asc" }}
        filterPlaceholder="Filter by account, segment or TA"
        rowHref={(account) => accountHref(account.id)}
        onRowClick={navigate ? (account) => navigate(accountHref(account.id)) : undefined}
        loading={accounts.isPending}
        error={accounts.error}
        errorTitle={`Could not load the accounts in ${stageLabel}`}
        onRetry={() => void accounts.refetch()}
        emptyMessage={`No accounts are in ${stageLabel}`}
        className={accounts.isPlaceholderData ? "adoption-table--stale" : undefined}
      />
    </div>
  );
}
