import { SectionFacts } from "@keel/app-kit";
import { accountQueries } from "@keel/client";
import { isInLighthouse } from "@keel/domain";
import type { AccountSectionProps } from "@keel/federation";
import { ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

/** The Lighthouse team's section on the account page: is the account in the program (LH-1)? */
export function LighthouseSection({ accountId }: AccountSectionProps) {
  const detail = useQuery(accountQueries.detail(accountId));
  if (detail.isPending) return <Skeleton lines={2} label="Loading the Lighthouse status…" />;
  if (detail.isError) {
    return (
      <ErrorState
        compact
        title="Could not load the Lighthouse status"
        message={detail.error.message}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const inProgram = isInLighthouse(detail.data.account);
  return (
    <SectionFacts
      facts={[
        {
          label: "Status",
          value: inProgram ? "In the save program (flagged red)" : "Not in Lighthouse",
        },
      ]}
    >
      {/* The section only renders in the shell, so shell paths are the app's paths. */}
      <Link to={`/lighthouse/accounts/${accountId}`}>Lighthouse view</Link>
      <Link to="/lighthouse">Master list</Link>
    </SectionFacts>
  );
}
