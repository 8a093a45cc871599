import { SectionFacts, todayIso } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { daysToRenewal, renewalWindowDays, renewalWindowSlug, renewsWithin } from "@keel/domain";
import type { AccountSectionProps } from "@keel/federation";
import { DateText, ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { daysLeftLabel } from "../renewals/days-left.ts";

/** The renewals team's section on the account page: the next renewal and how soon it is. */
export function RenewalSection({ accountId }: AccountSectionProps) {
  const detail = useQuery(accountQueries.detail(accountId));
  if (detail.isPending) return <Skeleton lines={2} label="Loading the renewal…" />;
  if (detail.isError) {
    return (
      <ErrorState
        compact
        title="Could not load the renewal"
        message={detail.error.message}
        onRetry={() => void detail.refetch()}
      />
    );
  }

  const { renewalDate } = detail.data.account;
  const days = daysToRenewal(renewalDate, todayIso());
  // The narrowest look-ahead window this renewal falls in, to see it among its peers.
  const window = renewalWindowDays.find((windowDays) => renewsWithin(days, windowDays));
  return (
    <SectionFacts
      facts={[
        { label: "Next renewal", value: <DateText value={renewalDate} fallback="Not set" /> },
        {
          label: "Days left",
          value:
            days !== null && days < 0
              ? `Overdue by ${-days} ${days === -1 ? "day" : "days"}`
              : daysLeftLabel(days),
        },
      ]}
    >
      {/* The section only renders in the shell, so shell paths are the app's paths. */}
      {window !== undefined && (
        <Link to={`/renewals/by-window/${renewalWindowSlug(window)}`}>
          All renewals in the next {window} days
        </Link>
      )}
      <Link to="/renewals">Renewal pipeline</Link>
    </SectionFacts>
  );
}
