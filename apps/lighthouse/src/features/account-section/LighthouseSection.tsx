import { SectionFacts } from "@keel/app-kit";
import { lighthouseQueries } from "@keel/client";
import type { AccountSectionProps } from "@keel/federation";
import { ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ageText, stateText } from "../program/labels.ts";

/** The Lighthouse team's section on the account page: in the program or not, criteria n/m, last update. */
export function LighthouseSection({ accountId }: AccountSectionProps) {
  const stays = useQuery(lighthouseQueries.list({ accountId, status: "open", pageSize: 1 }));
  if (stays.isPending) return <Skeleton lines={2} label="Loading the Lighthouse status…" />;
  if (stays.isError) {
    return (
      <ErrorState
        compact
        title="Could not load the Lighthouse status"
        message={stays.error.message}
        onRetry={() => void stays.refetch()}
      />
    );
  }
  const stay = stays.data.items[0];
  // The section only renders in the shell, so shell paths are the app's paths.
  if (!stay) {
    return (
      <SectionFacts facts={[{ label: "Status", value: "Not in Lighthouse" }]}>
        <Link to={`/lighthouse/accounts/${accountId}`}>Enter Lighthouse</Link>
        <Link to="/lighthouse">Master list</Link>
      </SectionFacts>
    );
  }
  return (
    <SectionFacts
      facts={[
        { label: "Status", value: `In the save program: ${stateText(stay.state, stay.exit).toLowerCase()}` },
        {
          label: "Criteria met",
          value:
            stay.criteriaTotal === 0 ? "No save plan yet" : `${stay.criteriaMet} of ${stay.criteriaTotal}`,
        },
        { label: "Last update", value: stay.lastUpdateAt ? ageText(stay.daysSinceUpdate) : "None yet" },
        { label: "Exec sponsor", value: stay.sponsor?.name ?? "Needs exec sponsor" },
      ]}
    >
      <Link to={`/lighthouse/enrolments/${stay.id}`}>Open the enrolment</Link>
      <Link to="/lighthouse">Master list</Link>
    </SectionFacts>
  );
}
