import { SectionFacts } from "@keel/app-kit";
import { accountQueries, renewalQueries } from "@keel/client";
import { renewalOutcomeLabels, renewalPhaseLabels, renewalRatingLabels } from "@keel/domain";
import type { AccountSectionProps } from "@keel/federation";
import { DateText, ErrorState, Money, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { daysLeftText } from "../renewals/renewal-text.ts";

/** The open renewal of an account (an account has one open renewal at a time). */
export const accountRenewalFilters = (accountId: string) =>
  ({ status: "open", accountId, pageSize: 1 }) as const;

/** The renewals team's section on the account page: the open renewal, where it stands, its forecast. */
export function RenewalSection({ accountId }: AccountSectionProps) {
  const account = useQuery(accountQueries.detail(accountId));
  const renewals = useQuery(renewalQueries.list(accountRenewalFilters(accountId)));

  const failed = account.isError ? account : renewals.isError ? renewals : null;
  if (failed) {
    return (
      <ErrorState
        compact
        title="Could not load the renewal"
        message={failed.error?.message}
        onRetry={() => void failed.refetch()}
      />
    );
  }
  if (!account.data || !renewals.data) return <Skeleton lines={2} label="Loading the renewal…" />;

  const renewal = renewals.data.items[0];
  if (!renewal) {
    return (
      <SectionFacts
        facts={[
          {
            label: "Next renewal",
            value: <DateText value={account.data.account.renewalDate} fallback="Not set" />,
          },
          { label: "Renewal process", value: "Not open yet (it opens 120 days before the renewal date)" },
        ]}
      >
        {/* The section only renders in the shell, so shell paths are the app's paths. */}
        <Link to="/renewals">Renewal pipeline</Link>
      </SectionFacts>
    );
  }
  return (
    <SectionFacts
      facts={[
        { label: "Next renewal", value: <DateText value={renewal.dueDate} /> },
        { label: "Days left", value: daysLeftText(renewal.daysLeft, renewal.overdue) },
        { label: "Phase", value: renewalPhaseLabels[renewal.phase] },
        { label: "Rating", value: renewal.rating ? renewalRatingLabels[renewal.rating] : "Not rated" },
        {
          label: "Latest forecast",
          value: renewal.latestForecast ? (
            <>
              {renewalOutcomeLabels[renewal.latestForecast.outcome]},{" "}
              <Money cents={renewal.latestForecast.expectedArrCents} currency={renewal.currency} />
            </>
          ) : (
            "None yet"
          ),
        },
      ]}
    >
      <Link to={`/renewals/${renewal.id}`}>Open the renewal</Link>{" "}
      <Link to="/renewals">Renewal pipeline</Link>
    </SectionFacts>
  );
}
