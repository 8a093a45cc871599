import type { RenewalSummary } from "@keel/client";
import { renewalOutcomeLabels, renewalPhaseLabels, renewalRatingLabels } from "@keel/domain";
import { type DataTableColumn, DateText, HealthBadge, Money } from "@keel/ui";
import { daysLeftText } from "./renewal-text.ts";

/** The pipeline's columns; those with `sortable` are sorted by the server (`sort=`). */
export const pipelineColumns: DataTableColumn<RenewalSummary>[] = [
  {
    id: "account",
    header: "Account",
    cell: (renewal) => renewal.accountName,
    sortable: true,
    rowHeader: true,
  },
  {
    id: "dueDate",
    header: "Due",
    sortable: true,
    cell: (renewal) => (
      <>
        <DateText value={renewal.dueDate} />
        <br />
        <span
          className={renewal.overdue || renewal.daysLeft <= 30 ? "renewals-days--soon" : "renewals-muted"}
        >
          {daysLeftText(renewal.daysLeft, renewal.overdue)}
        </span>
      </>
    ),
  },
  {
    id: "arr",
    header: "ARR at stake",
    align: "end",
    sortable: true,
    cell: (renewal) => <Money cents={renewal.arrAtStakeCents} currency={renewal.currency} />,
  },
  { id: "phase", header: "Phase", sortable: true, cell: (renewal) => renewalPhaseLabels[renewal.phase] },
  {
    id: "health",
    header: "Health",
    sortable: true,
    cell: (renewal) => <HealthBadge category={renewal.healthCategory} />,
  },
  {
    id: "rating",
    header: "Rating",
    cell: (renewal) =>
      renewal.rating === null ? (
        <span className="renewals-muted">Not rated</span>
      ) : (
        <>
          {renewalRatingLabels[renewal.rating]}
          {!renewal.approvals.complete && <span className="renewals-muted"> (awaiting approval)</span>}
        </>
      ),
  },
  {
    id: "forecast",
    header: "Latest forecast",
    cell: (renewal) =>
      renewal.latestForecast === null ? (
        <span className="renewals-muted">None yet</span>
      ) : (
        <>
          {renewalOutcomeLabels[renewal.latestForecast.outcome]},{" "}
          <Money cents={renewal.latestForecast.expectedArrCents} currency={renewal.currency} />
        </>
      ),
  },
  {
    id: "team",
    header: "TA / AE",
    cell: (renewal) => (
      <>
        {renewal.ta?.name ?? "No TA"}
        <br />
        <span className="renewals-muted">{renewal.ae?.name ?? "No AE"}</span>
      </>
    ),
  },
];
