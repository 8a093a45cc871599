import { MineOnlyToggle, RouterRowLink, useTableUrlState, useUrlFlag } from "@keel/app-kit";
import { type QueryData, renewalQueries } from "@keel/client";
import type { RemoteAppProps } from "@keel/federation";
import { Button, DataTable, type DataTableColumn, DateText, HealthBadge, Money, PageHeader } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { RenewalsTabs } from "../renewals/RenewalsTabs.tsx";
import { daysLeftText } from "../renewals/renewal-text.ts";

type ReviewItem = QueryData<ReturnType<typeof renewalQueries.reviewList>>["items"][number];

const reviewColumns: DataTableColumn<ReviewItem>[] = [
  {
    id: "account",
    header: "Account",
    cell: (item) => item.accountName,
    sortValue: (item) => item.accountName.toLowerCase(),
    filterValue: (item) => item.accountName,
    rowHeader: true,
  },
  {
    id: "health",
    header: "Health",
    cell: (item) => <HealthBadge category={item.healthCategory} />,
    sortValue: (item) => ["red", "yellow", "green", "unknown"].indexOf(item.healthCategory),
  },
  {
    id: "dueDate",
    header: "Due",
    cell: (item) => (
      <>
        <DateText value={item.dueDate} />{" "}
        <span className="renewals-muted">({daysLeftText(item.daysLeft, item.overdue)})</span>
      </>
    ),
    sortValue: (item) => item.dueDate,
  },
  {
    id: "arr",
    header: "ARR at stake",
    align: "end",
    cell: (item) => <Money cents={item.arrAtStakeCents} currency={item.currency} />,
    sortValue: (item) => item.arrAtStakeCents,
  },
  {
    id: "enteredOn",
    header: "On the list since",
    cell: (item) => <DateText value={item.enteredOn} />,
    sortValue: (item) => item.enteredOn,
  },
  { id: "reason", header: "Why", cell: (item) => item.reason, filterValue: (item) => item.reason },
  {
    id: "owner",
    header: "TA / AE",
    cell: (item) => `${item.ta?.name ?? "No TA"} / ${item.ae?.name ?? "No AE"}`,
    filterValue: (item) => `${item.ta?.name ?? ""} ${item.ae?.name ?? ""}`,
  },
];

/**
 * the Yellow/Red Renewals review list — open renewals due within 180 days whose account
 * health is yellow or red, longest on the list first. Prints as a plain table for the meeting.
 */
export function ReviewPage(_props: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "enteredOn", direction: "asc" });
  const review = useQuery({
    ...renewalQueries.reviewList(mineOnly ? "mine" : undefined),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="renewals">
      <PageHeader
        title="Yellow/Red renewals"
        description="Open renewals due within 180 days whose account health is yellow or red (R-3), for the review meeting."
        actions={
          <Button size="sm" className="renewals-no-print" onClick={() => window.print()}>
            Print
          </Button>
        }
      />
      <RenewalsTabs from="page" />
      {review.data && (
        <p className="renewals-print-only">
          As of <DateText value={review.data.today} />
        </p>
      )}
      <DataTable
        caption="Yellow/Red renewals"
        rowNoun={{ one: "renewal", other: "renewals" }}
        columns={reviewColumns}
        rows={review.data?.items ?? []}
        getRowId={(item) => item.id}
        {...table}
        filterPlaceholder="Filter by account, reason or owner"
        rowHref={(item) => `../${item.id}`}
        linkComponent={RouterRowLink}
        loading={review.isPending}
        error={review.error}
        errorTitle="Could not load the review list"
        onRetry={() => void review.refetch()}
        emptyMessage={
          mineOnly
            ? "None of your renewals is yellow or red within 180 days"
            : "No renewal due within 180 days has yellow or red health"
        }
        toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
      />
    </div>
  );
}
