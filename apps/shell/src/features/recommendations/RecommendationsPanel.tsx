import { recommendationQueries } from "@keel/client";
import { Button, Card, RecommendationList } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

const ACCOUNTS_SHOWN = 5;

/** Account page sections by id; the data behind "activity" and "utilization" is on the Health card. */
const sectionAnchors: Record<string, string> = {
  activity: "health",
  utilization: "health",
  renewal: "lifecycle",
  overview: "main",
};
export const sectionAnchor = (section: string) => sectionAnchors[section] ?? section;

/**
 * SPEC §10 "What should I be doing?" on the TA home, above My book: the TA's accounts that
 * have something to do, each recommendation with its rule, the data and a link to where to act.
 */
export function RecommendationsPanel({ ta = "me" }: { ta?: string }) {
  const recommendations = useQuery(recommendationQueries.mine(ta));
  const [showAll, setShowAll] = useState(false);
  const groups = recommendations.data?.groups ?? [];
  // The most urgent accounts first (the API's order); the rest on request, so My book stays in view.
  const shown = showAll ? groups : groups.slice(0, ACCOUNTS_SHOWN);
  const total = groups.reduce((n, g) => n + g.recommendations.length, 0);
  return (
    <Card
      title="What should I be doing?"
      id="recommendations"
      actions={
        recommendations.data && (
          <span className="shell-muted">
            {total} suggestion{total === 1 ? "" : "s"} on {groups.length} of {recommendations.data.accounts}{" "}
            accounts
          </span>
        )
      }
    >
      <RecommendationList
        groups={shown}
        loading={recommendations.isPending}
        error={recommendations.error}
        onRetry={() => void recommendations.refetch()}
        emptyMessage="Nothing to suggest: every account in your book is on track."
        renderAccountLink={(accountId, accountName) => (
          <Link to={`/accounts/${accountId}`}>{accountName}</Link>
        )}
        renderActionLink={(recommendation, linkProps) => (
          <Link
            to={`/accounts/${recommendation.link.accountId}#${sectionAnchor(recommendation.link.section)}`}
            {...linkProps}
          />
        )}
      />
      {groups.length > ACCOUNTS_SHOWN && (
        <Button size="sm" variant="ghost" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? "Show fewer accounts" : `Show all ${groups.length} accounts`}
        </Button>
      )}
    </Card>
  );
}
