import type { LifecycleStage } from "@keel/domain";
import type { ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { DateText } from "../DateText/DateText.tsx";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";
import { StagePill } from "../StagePill/StagePill.tsx";

/** One L-6 stage history entry. */
export interface StageChangeItem {
  id: number | string;
  /** null for the account's first stage. */
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  /** ISO timestamp. */
  at: string;
  cause:
    | { kind: "rule"; ruleId: string; policyVersion: number | null }
    | { kind: "person"; user: { id: string; name: string } | null };
  reason: string;
}

export interface StageTimelineProps {
  changes: readonly StageChangeItem[];
  /** Names the list for screen readers. Default "Stage history". */
  label?: string;
  emptyMessage?: ReactNode;
  loading?: boolean;
  error?: Error | string | null;
  onRetry?: () => void;
  /** Time zone for the timestamps; the viewer's by default. */
  timeZone?: string;
  className?: string;
}

/** "Rule L-2 · lifecycle policy v4" or "Set by Dana Scott". */
export function stageChangeCause(cause: StageChangeItem["cause"]): string {
  if (cause.kind === "rule") {
    return cause.policyVersion === null
      ? `Rule ${cause.ruleId}`
      : `Rule ${cause.ruleId} · lifecycle policy v${cause.policyVersion}`;
  }
  return cause.user ? `Set by ${cause.user.name}` : "Set by a person";
}

/** L-6: every stage change with when, why and who or which rule, newest first. */
export function StageTimeline({
  changes,
  label = "Stage history",
  emptyMessage = "No stage changes recorded yet",
  loading = false,
  error,
  onRetry,
  timeZone,
  className,
}: StageTimelineProps) {
  if (loading) {
    return (
      <div className={cx("keel-timeline", className)} aria-busy="true">
        <Skeleton lines={3} label={`Loading ${label.toLowerCase()}…`} />
      </div>
    );
  }
  if (error) {
    return (
      <div className={cx("keel-timeline", className)}>
        <ErrorState
          compact
          title={`Could not load ${label.toLowerCase()}`}
          message={typeof error === "string" ? error : error.message}
          onRetry={onRetry}
        />
      </div>
    );
  }
  if (changes.length === 0) {
    return (
      <div className={cx("keel-timeline", className)}>
        <EmptyState compact title={emptyMessage} />
      </div>
    );
  }
  // Newest first whatever order the caller had; ties keep their given order.
  const ordered = [...changes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ol className={cx("keel-timeline", className)} aria-label={label}>
      {ordered.map((change) => (
        <li
          key={change.id}
          className={cx("keel-timeline__item", `keel-timeline__item--${change.cause.kind}`)}
        >
          <div className="keel-timeline__stages">
            {change.fromStage ? (
              <StagePill stage={change.fromStage} showProgress={false} />
            ) : (
              <span className="keel-timeline__start">Start</span>
            )}
            <span className="keel-timeline__arrow" aria-hidden="true">
              →
            </span>
            <span className="keel-visually-hidden"> to </span>
            <StagePill stage={change.toStage} showProgress={false} />
          </div>
          <p className="keel-timeline__meta">
            <DateText value={change.at} timeZone={timeZone} />
            <span aria-hidden="true"> · </span>
            <span className="keel-timeline__cause">{stageChangeCause(change.cause)}</span>
          </p>
          <p className="keel-timeline__reason">{change.reason}</p>
        </li>
      ))}
    </ol>
  );
}
