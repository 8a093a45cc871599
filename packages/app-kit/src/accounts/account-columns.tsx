import { type AccountSummary, lifecycleStages, segmentLabels, segments } from "@keel/domain";
import {
  type DataTableColumn,
  DateText,
  HealthBadge,
  healthCategoryLabels,
  Money,
  StagePill,
} from "@keel/ui";
import "./account-columns.css";

type Column = DataTableColumn<AccountSummary>;

/**
 * The columns every book-of-business table is made of (SPEC §11), defined once so "ARR" or
 * "Stage" sorts and reads the same in the shell and in every team app.
 */
export const accountColumns = {
  name: {
    id: "name",
    header: "Account",
    cell: (account) => account.name,
    sortValue: (account) => account.name,
    filterValue: (account) => account.name,
  },
  segment: {
    id: "segment",
    header: "Segment",
    cell: (account) => segmentLabels[account.segment],
    // Strategic first, not alphabetical.
    sortValue: (account) => segments.indexOf(account.segment),
    filterValue: (account) => segmentLabels[account.segment],
  },
  stage: {
    id: "stage",
    header: "Stage",
    cell: (account) => <StagePill stage={account.lifecycleStage} />,
    sortValue: (account) => lifecycleStages.indexOf(account.lifecycleStage),
  },
  health: {
    id: "health",
    header: "Health",
    cell: (account) => (
      <HealthBadge category={account.healthCategory ?? "unknown"} score={account.healthScore} />
    ),
    // By score; accounts without one ("No data", H-3) sort with the missing values, never as 0.
    sortValue: (account) =>
      (account.healthCategory ?? "unknown") === "unknown" ? null : account.healthScore,
    filterValue: (account) => healthCategoryLabels[account.healthCategory ?? "unknown"],
  },
  seats: {
    id: "seats",
    header: "Seats",
    align: "end",
    cell: (account) => account.seatsPurchased.toLocaleString("en-US"),
    sortValue: (account) => account.seatsPurchased,
  },
  arr: {
    id: "arr",
    header: "ARR",
    align: "end",
    cell: (account) => <Money cents={account.arrCents} currency={account.currency} />,
    sortValue: (account) => account.arrCents,
  },
  renewalDate: {
    id: "renewalDate",
    header: "Renewal date",
    cell: (account) => <DateText value={account.renewalDate} fallback="Not set" />,
    sortValue: (account) => account.renewalDate,
  },
  ta: {
    id: "ta",
    header: "TA",
    cell: (account) => account.ta?.name ?? <span className="account-columns__muted">Unassigned</span>,
    sortValue: (account) => account.ta?.name,
    filterValue: (account) => account.ta?.name,
  },
} satisfies Record<string, Column>;

export type AccountColumnId = keyof typeof accountColumns;

/** The named columns, in the order given. */
export function pickAccountColumns(...ids: AccountColumnId[]): Column[] {
  return ids.map((id) => accountColumns[id]);
}
