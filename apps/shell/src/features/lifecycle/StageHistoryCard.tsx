import { lifecycleQueries } from "@keel/client";
import { Card, StagePill, StageTimeline } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";

/** L-6 on the account page: why the account is in its stage now, and every change. */
export function StageHistoryCard({ accountId }: { accountId: string }) {
  const history = useQuery(lifecycleQueries.stageHistory(accountId));
  const current = history.data?.current;
  return (
    <Card title="Lifecycle" id="lifecycle" className="stage-history-card">
      {current && (
        <p className="stage-history-card__now">
          <StagePill stage={current.stage} /> <span className="keel-badge">{current.ruleId}</span>{" "}
          <span>{current.reason}</span>
        </p>
      )}
      <StageTimeline
        changes={history.data?.changes ?? []}
        loading={history.isPending}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    </Card>
  );
}
