import { SectionFacts } from "@keel/app-kit";
import { accountQueries, healthQueries } from "@keel/client";
import { lifecycleStageLabels } from "@keel/domain";
import type { AccountSectionProps } from "@keel/federation";
import { ErrorState, Skeleton, StagePill } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

/** "72% of 150 seats"; the ratio is last month's MAU over seats purchased (O-3). */
function mauOverSeatsLabel(ratio: number | null, seats: number): string {
  const seatsText = `${seats.toLocaleString("en-US")} ${seats === 1 ? "seat" : "seats"}`;
  if (ratio === null) return `No usage reported (${seatsText})`;
  const mau = Math.round(ratio * seats);
  return `${Math.round(ratio * 100)}% · ${mau.toLocaleString("en-US")} MAU of ${seatsText}`;
}

/** The adoption team's section on the account page: the lifecycle stage and MAU/seats (O-3). */
export function AdoptionSection({ accountId }: AccountSectionProps) {
  const detail = useQuery(accountQueries.detail(accountId));
  // The health answer carries the trait's value; the account page has usually loaded it already.
  const health = useQuery(healthQueries.account(accountId));
  if (detail.isPending) return <Skeleton lines={2} label="Loading adoption…" />;
  if (detail.isError) {
    return (
      <ErrorState
        compact
        title="Could not load adoption"
        message={detail.error.message}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const { lifecycleStage, seatsPurchased } = detail.data.account;
  const ratio = health.data?.breakdown.traits.find((trait) => trait.id === "mauOverSeats")?.value;
  return (
    <SectionFacts
      facts={[
        { label: "Stage", value: <StagePill stage={lifecycleStage} /> },
        {
          label: "MAU / seats",
          value: health.isPending
            ? "…"
            : health.isError
              ? "Unavailable"
              : mauOverSeatsLabel(typeof ratio === "number" ? ratio : null, seatsPurchased),
        },
      ]}
    >
      {/* The section only renders in the shell, so shell paths are the app's paths. */}
      <Link to={`/adoption/stages/${lifecycleStage}`}>
        All accounts in {lifecycleStageLabels[lifecycleStage]}
      </Link>
    </SectionFacts>
  );
}
