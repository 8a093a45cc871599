import { type ReactNode, useId, useState } from "react";
import { cx } from "../../internal/cx.ts";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";

/** One SPEC §10 recommendation: what to do, why (the data), and where to do it. */
export interface RecommendationItem {
  ruleId: string;
  relatedRuleIds: string[];
  reason: string;
  action: string;
  link: { accountId: string; section: string };
}

export interface RecommendationGroup {
  accountId: string;
  accountName: string;
  recommendations: RecommendationItem[];
}

/** Spread these onto the link element `renderActionLink` returns. */
export interface RecommendationLinkProps {
  className: string;
  /** "Go" alone is ambiguous in a list; this names the action and the account. */
  "aria-label": string;
  children: ReactNode;
}

export interface RecommendationListProps {
  groups: readonly RecommendationGroup[];
  /** The account heading's link (router-agnostic). */
  renderAccountLink: (accountId: string, accountName: string) => ReactNode;
  /** The "Go" link to `recommendation.link`; spread `linkProps` onto it. */
  renderActionLink: (recommendation: RecommendationItem, linkProps: RecommendationLinkProps) => ReactNode;
  /** Recommendations shown per account before "Show N more". Default 3. */
  limit?: number;
  /** Heading level of the account headings. Default 3. */
  headingLevel?: 2 | 3 | 4;
  emptyMessage?: ReactNode;
  loading?: boolean;
  error?: Error | string | null;
  onRetry?: () => void;
  className?: string;
}

interface GroupProps {
  group: RecommendationGroup;
  limit: number;
  headingLevel: 2 | 3 | 4;
  renderAccountLink: RecommendationListProps["renderAccountLink"];
  renderActionLink: RecommendationListProps["renderActionLink"];
}

function RecommendationGroupSection({
  group,
  limit,
  headingLevel,
  renderAccountLink,
  renderActionLink,
}: GroupProps) {
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const listId = useId();
  const Heading = `h${headingLevel}` as const;
  const hidden = Math.max(0, group.recommendations.length - limit);
  const shown = expanded ? group.recommendations : group.recommendations.slice(0, limit);
  return (
    <section className="keel-recs__group" aria-labelledby={headingId}>
      <Heading id={headingId} className="keel-recs__account">
        {renderAccountLink(group.accountId, group.accountName)}
      </Heading>
      <ul id={listId} className="keel-recs__list">
        {shown.map((recommendation) => (
          // A rule can recommend the same action twice for one account only with different data.
          <li
            key={`${recommendation.ruleId}|${recommendation.action}|${recommendation.reason}`}
            className="keel-recs__item"
          >
            <span className="keel-recs__rules">
              <span className="keel-rule-chip">{recommendation.ruleId}</span>
              {recommendation.relatedRuleIds.map((ruleId) => (
                <span key={ruleId} className="keel-rule-chip keel-rule-chip--related">
                  {ruleId}
                </span>
              ))}
            </span>
            <span className="keel-recs__text">
              <strong className="keel-recs__action">{recommendation.action}</strong>
              <span className="keel-recs__reason">{recommendation.reason}</span>
            </span>
            <span className="keel-recs__go">
              {renderActionLink(recommendation, {
                className: "keel-recs__go-link",
                "aria-label": `Go: ${recommendation.action} (${group.accountName})`,
                children: "Go",
              })}
            </span>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="keel-recs__more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? "Show fewer" : `Show ${hidden} more`}{" "}
          <span className="keel-visually-hidden">for {group.accountName}</span>
        </button>
      )}
    </section>
  );
}

/** SPEC §10 "What should I be doing?": recommendations per account, each with its rule and data. */
export function RecommendationList({
  groups,
  renderAccountLink,
  renderActionLink,
  limit = 3,
  headingLevel = 3,
  emptyMessage = "Nothing to recommend right now",
  loading = false,
  error,
  onRetry,
  className,
}: RecommendationListProps) {
  if (loading) {
    return (
      <div className={cx("keel-recs", className)} aria-busy="true">
        <Skeleton lines={4} label="Loading recommendations…" />
      </div>
    );
  }
  if (error) {
    return (
      <div className={cx("keel-recs", className)}>
        <ErrorState
          compact
          title="Could not load recommendations"
          message={typeof error === "string" ? error : error.message}
          onRetry={onRetry}
        />
      </div>
    );
  }
  const nonEmpty = groups.filter((group) => group.recommendations.length > 0);
  if (nonEmpty.length === 0) {
    return (
      <div className={cx("keel-recs", className)}>
        <EmptyState compact title={emptyMessage} />
      </div>
    );
  }
  return (
    <div className={cx("keel-recs", className)}>
      {nonEmpty.map((group) => (
        <RecommendationGroupSection
          key={group.accountId}
          group={group}
          limit={Math.max(1, limit)}
          headingLevel={headingLevel}
          renderAccountLink={renderAccountLink}
          renderActionLink={renderActionLink}
        />
      ))}
    </div>
  );
}
