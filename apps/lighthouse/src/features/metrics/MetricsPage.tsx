import { lighthouseQueries } from "@keel/client";
import type { RemoteAppProps } from "@keel/federation";
import { Card, ErrorState, Money, PageHeader, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { ProgramTabs } from "../program/ProgramTabs.tsx";

const percent = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)}%`);

/** LH-5: the program in figures — in, entered this quarter, save rate, stay length, ARR. */
export function MetricsPage(_props: RemoteAppProps) {
  const metrics = useQuery(lighthouseQueries.metrics());
  return (
    <div className="lighthouse">
      <PageHeader
        title="Lighthouse program metrics"
        description="How many accounts are in, how many leave saved, how long a stay lasts, and the ARR at stake, kept and lost at renewal."
      />
      <ProgramTabs from="page" />
      {metrics.isPending ? (
        <Skeleton lines={6} label="Loading the metrics…" />
      ) : metrics.isError ? (
        <ErrorState
          title="Could not load the metrics"
          message={metrics.error.message}
          onRetry={() => void metrics.refetch()}
        />
      ) : (
        <Card title={`As of ${metrics.data.today}`}>
          <dl className="lighthouse-facts lighthouse-metrics">
            <div>
              <dt>Accounts in the program</dt>
              <dd>{metrics.data.inProgram}</dd>
            </div>
            <div>
              <dt>Entered this quarter</dt>
              <dd>{metrics.data.enteredThisQuarter}</dd>
            </div>
            <div>
              <dt>Save rate (saved of saved and churned)</dt>
              <dd>{percent(metrics.data.saveRate)}</dd>
            </div>
            <div>
              <dt>Median days in the program</dt>
              <dd>{metrics.data.medianDaysInProgram ?? "—"}</dd>
            </div>
            <div>
              <dt>ARR in the program</dt>
              <dd>
                <Money cents={metrics.data.arrInProgramCents} currency="USD" />
              </dd>
            </div>
            <div>
              <dt>ARR kept at renewal, after a stay</dt>
              <dd>
                <Money cents={metrics.data.arrSavedCents} currency="USD" />
              </dd>
            </div>
            <div>
              <dt>ARR lost at renewal, after a stay</dt>
              <dd>
                <Money cents={metrics.data.arrLostCents} currency="USD" />
              </dd>
            </div>
            <div>
              <dt>Exits</dt>
              <dd>
                {metrics.data.exits.saved} saved · {metrics.data.exits.churned} churned ·{" "}
                {metrics.data.exits.withdrawn} withdrawn
              </dd>
            </div>
          </dl>
        </Card>
      )}
    </div>
  );
}
