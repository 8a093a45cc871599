import { healthQueries, policyQueries } from "@keel/client";
import {
  AsyncContent,
  Card,
  DateText,
  ErrorState,
  HealthBadge,
  Skeleton,
  TrendChart,
  type TrendPoint,
} from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { HealthBreakdownTable } from "./HealthBreakdownTable.tsx";
import { formatPoints } from "./health-format.ts";
import { ManualTraitsForm, type TraitsMessage } from "./ManualTraitsForm.tsx";
import "./health.css";

/** Account page health panel (SPEC §4, X-1, X-3): score, breakdown, trend and the TA's manual traits. */
export function HealthCard({ accountId, canEditTraits }: { accountId: string; canEditTraits: boolean }) {
  const health = useQuery(healthQueries.account(accountId));
  const history = useQuery(healthQueries.history(accountId));
  // H-3: the chart's bands are the policy in force's, so a published change of bands shows.
  const policy = useQuery(policyQueries.inForce());
  const [message, setMessage] = useState<TraitsMessage>(null);

  const points = useMemo<TrendPoint[]>(
    () =>
      (history.data?.items ?? []).map((item, index) => ({
        at: item.at,
        score: item.score,
        category: item.category,
        // mark where the policy changed (not the first point, which has nothing before it).
        marker: item.policyChanged && index > 0 ? `Policy v${item.policyVersion}` : undefined,
      })),
    [history.data],
  );
  const recent = useMemo(
    () =>
      (history.data?.items ?? [])
        // only the traits that moved the score by a visible amount.
        .map((item) => ({
          ...item,
          changes: item.changes.filter((change) => Math.abs(change.delta) >= 0.005),
        }))
        .filter((item) => item.changes.length > 0 || item.policyChanged)
        .slice(-3)
        .reverse(),
    [history.data],
  );

  if (health.isPending) {
    return (
      <Card title="Health" id="health">
        <Skeleton lines={6} label="Loading the health score…" />
      </Card>
    );
  }
  if (health.isError) {
    return (
      <Card title="Health" id="health">
        <ErrorState
          title="Could not load the health score"
          message={health.error.message}
          onRetry={() => void health.refetch()}
          retrying={health.isFetching}
        />
      </Card>
    );
  }

  const data = health.data;
  return (
    <Card title="Health" id="health" className="health-card">
      <div className="health-summary">
        <HealthBadge category={data.category} score={data.score} className="health-summary__badge" />
        <dl className="health-summary__facts">
          <div>
            <dt>Score</dt>
            <dd className="health-summary__score" data-score={data.score ?? ""}>
              {data.score === null ? "No data" : formatPoints(data.score)}
            </dd>
          </div>
          <div>
            <dt>Policy</dt>
            <dd>v{data.policyVersion}</dd>
          </div>
          <div>
            <dt>Computed</dt>
            <dd>
              {data.computedAt ? (
                <>
                  <DateText value={data.computedAt} />{" "}
                  {new Date(data.computedAt).toLocaleTimeString("en-US", {
                    hour: "numeric",
                    minute: "2-digit",
                  })}
                </>
              ) : (
                "Just now"
              )}
            </dd>
          </div>
        </dl>
      </div>

      <div className="health-layout">
        <section className="health-section" aria-labelledby={`${accountId}-breakdown`}>
          <h3 id={`${accountId}-breakdown`} className="health-section__title">
            Why this score
          </h3>
          <HealthBreakdownTable breakdown={data.breakdown} score={data.score} />
        </section>

        <div className="health-side">
          <section className="health-section" aria-labelledby={`${accountId}-trend`}>
            <h3 id={`${accountId}-trend`} className="health-section__title">
              Trend
            </h3>
            <AsyncContent
              query={history}
              loading={<Skeleton variant="block" height="10rem" label="Loading the trend…" />}
              errorTitle="Could not load the trend"
            >
              {() => (
                <TrendChart
                  points={points}
                  bands={policy.data?.policy.bands}
                  emptyMessage="No scores stored yet"
                />
              )}
            </AsyncContent>
            {recent.length > 0 && (
              <ul className="health-moves" aria-label="Recent score changes">
                {recent.map((item) => (
                  <li key={item.at}>
                    <DateText value={item.at} /> ·{" "}
                    {item.score === null ? "no score" : formatPoints(item.score)}{" "}
                    <span className="shell-muted">({item.cause})</span>
                    {item.policyChanged && (
                      <span className="shell-muted"> · policy v{item.policyVersion}</span>
                    )}
                    {item.changes.length > 0 && (
                      <span className="health-moves__changes">
                        {item.changes
                          .map(
                            (change) =>
                              `${change.label} ${change.delta >= 0 ? "+" : ""}${change.delta.toFixed(2)}`,
                          )
                          .join(", ")}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {canEditTraits && (
            <section className="health-section" aria-labelledby={`${accountId}-traits`}>
              <h3 id={`${accountId}-traits`} className="health-section__title">
                Manual traits
              </h3>
              <ManualTraitsForm
                key={data.manualTraits.version}
                accountId={accountId}
                manualTraits={data.manualTraits}
                onReload={() => health.refetch()}
                message={message}
                onMessage={setMessage}
              />
            </section>
          )}
        </div>
      </div>
    </Card>
  );
}
