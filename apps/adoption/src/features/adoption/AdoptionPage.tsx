import { PageNotFound, pickAccountColumns, RouterRowLink, useTableUrlState } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import {
  type LifecycleStage,
  lifecycleStageLabels,
  lifecycleStageSchema,
  lifecycleStages,
} from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import { DataTable } from "@keel/ui";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";
import { StagePicker } from "./StagePicker.tsx";

const columns = pickAccountColumns("name", "segment", "seats", "arr", "renewalDate", "ta");

/** The stage the index page shows before one is picked. */
const DEFAULT_STAGE: LifecycleStage = "onboarding";

/**
 * Adoption: how the book spreads over the lifecycle stages, and the accounts in one stage. The
 * stage is in the path (`stages/adopting`), so a stage's list is a link and "back" returns to the
 * stage before; the index shows onboarding.
 */
export function AdoptionPage({ accountHref }: RemoteAppProps) {
  const { stage: stageParam } = useParams();
  const navigate = useNavigate();
  const parsed = stageParam === undefined ? DEFAULT_STAGE : lifecycleStageSchema.safeParse(stageParam).data;
  const stage = parsed ?? DEFAULT_STAGE;
  const table = useTableUrlState({ columnId: "name", direction: "asc" });

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

  if (parsed === undefined) return <PageNotFound appName="Adoption" homeTo=".." />;

  // Relative to this route: the index is one level above `stages/:stage`.
  const selectStage = (next: LifecycleStage) =>
    void navigate(stageParam === undefined ? `stages/${next}` : `../stages/${next}`);

  return (
    <div className="adoption">
      <header className="adoption-header">
        <h1>Adoption</h1>
        <p className="adoption-lead">Accounts by lifecycle stage. Pick a stage to see its accounts.</p>
      </header>

      <StagePicker selected={stage} onSelect={selectStage} counts={stageCounts} />

      <DataTable
        caption={`Accounts in ${stageLabel}`}
        rowNoun={{ one: "account", other: "accounts" }}
        columns={columns}
        rows={accounts.data?.items ?? []}
        getRowId={(account) => account.id}
        {...table}
        filterPlaceholder="Filter by account, segment or TA"
        rowHref={(account) => accountHref(account.id)}
        linkComponent={RouterRowLink}
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
