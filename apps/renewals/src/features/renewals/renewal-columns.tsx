import { accountColumns, pickAccountColumns } from "@keel/app-kit";
import type { AccountSummary } from "@keel/domain";
import type { DataTableColumn } from "@keel/ui";
import { daysLeftLabel } from "./days-left.ts";

const daysLeftColumn: DataTableColumn<AccountSummary> = {
  id: "daysLeft",
  header: "Days left",
  align: "end",
  cell: (account) => (
    <span
      className={
        account.daysToRenewal !== null && account.daysToRenewal <= 30 ? "renewals-days--soon" : undefined
      }
    >
      {daysLeftLabel(account.daysToRenewal)}
    </span>
  ),
  sortValue: (account) => account.daysToRenewal,
};

/** Every renewals list reads the same: the account, when it renews, how soon, and its book facts. */
export const renewalColumns = [
  accountColumns.name,
  accountColumns.renewalDate,
  daysLeftColumn,
  ...pickAccountColumns("arr", "segment", "stage", "ta"),
];
