import { pickAccountColumns } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { type LifecycleStage, lifecycleStageLabels, lifecycleStages } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable } from "@keel/ui";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { StagePicker } from "./StagePicker.tsx";

const columns = pickAccountColumns("name", "segment", "seats", "arr", "renewalDate", "ta");

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
