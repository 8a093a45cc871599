import { type AccountSummary, lifecycleStages, segmentLabels, segments } from "@keel/domain";
import { type DataTableColumn, DateText, Money, StagePill } from "@keel/ui";

const stageOrder = (stage: AccountSummary["lifecycleStage"]) => lifecycleStages.indexOf(stage);
const segmentOrder = (segment: AccountSummary["segment"]) => segments.indexOf(segment);

/** The book-of-business columns (SPEC §11 "TA home"). */
export const bookColumns: readonly DataTableColumn<AccountSummary>[] = [
  {
    id: "name",
    header: "Account",
    cell: (account) => account.name,
    sortValue: (account) => account.name,
    filterValue: (account) => account.name,
  },
  {
    id: "segment",
    header: "Segment",
    cell: (account) => segmentLabels[account.segment],
    sortValue: (account) => segmentOrder(account.segment),
  },
  {
    id: "stage",
    header: "Stage",
    cell: (account) => <StagePill stage={account.lifecycleStage} />,
    sortValue: (account) => stageOrder(account.lifecycleStage),
  },
  {
    id: "arr",
    header: "ARR",
    align: "end",
    cell: (account) => <Money cents={account.arrCents} currency={account.currency} />,
    sortValue: (account) => account.arrCents,
  },
  {
    id: "renewalDate",
    header: "Renewal date",
    cell: (account) => <DateText value={account.renewalDate} fallback="Not set" />,
    sortValue: (account) => account.renewalDate,
  },
  {
    id: "ta",
    header: "TA",
    cell: (account) => account.ta?.name ?? <span className="shell-muted">Unassigned</span>,
    sortValue: (account) => account.ta?.name,
  },
];
