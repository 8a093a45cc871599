import { RouterRowLink, useTableUrlState, useUrlParam } from "@keel/app-kit";
import { type ChurnRetroSummary, churnRetroQueries } from "@keel/client";
import type { RemoteAppProps } from "@keel/federation";
import {
  DataTable,
  type DataTableColumn,
  DateText,
  Money,
  PageHeader,
  Select,
  type SelectOption,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { RenewalsTabs } from "../renewals/RenewalsTabs.tsx";
import { closedLostText, retroStatuses, retroStatusLabels } from "./retro-labels.ts";

const statusOptions: SelectOption<(typeof retroStatuses)[number]>[] = retroStatuses.map((status) => ({
  value: status,
  label: retroStatusLabels[status],
}));

const retroColumns: DataTableColumn<ChurnRetroSummary>[] = [
  {
    id: "account",
    header: "Account",
    cell: (retro) => retro.accountName,
    sortValue: (retro) => retro.accountName.toLowerCase(),
    filterValue: (retro) => retro.accountName,
    rowHeader: true,
  },
  {
    id: "arrLost",
    header: "ARR lost",
    align: "end",
    cell: (retro) => <Money cents={retro.arrLostCents} currency="USD" />,
    sortValue: (retro) => retro.arrLostCents,
  },
  {
    id: "category",
    header: "Closed-lost category",
    cell: (retro) => closedLostText(retro.closedLostCategory),
    filterValue: (retro) => closedLostText(retro.closedLostCategory),
  },
  {
    id: "status",
    header: "Status",
    cell: (retro) => retroStatusLabels[retro.status],
    sortValue: (retro) => retroStatuses.indexOf(retro.status),
  },
  {
    id: "openActions",
    header: "Open calls to action",
    align: "end",
    cell: (retro) => retro.openActions,
    sortValue: (retro) => retro.openActions,
  },
  {
    id: "createdAt",
    header: "Opened",
    cell: (retro) => <DateText value={retro.createdAt} />,
    sortValue: (retro) => retro.createdAt,
  },
];

/** churn retros of large churns, newest first, with their open calls to action. */
export function RetrosPage(_props: RemoteAppProps) {
  const [statusParam, setStatus] = useUrlParam("status");
  const status = retroStatuses.find((candidate) => candidate === statusParam);
  const table = useTableUrlState({ columnId: "createdAt", direction: "desc" });
  const retros = useQuery({ ...churnRetroQueries.list({ status }), placeholderData: keepPreviousData });

  return (
    <div className="renewals">
      <PageHeader
        title="Churn retros"
        description="A retro opens when a churn of more than $150,000 ARR with fewer seats is processed (R-7): its category, lessons learned and calls to action."
      />
      <RenewalsTabs from="page" />
      <DataTable
        caption="Churn retros"
        rowNoun={{ one: "retro", other: "retros" }}
        columns={retroColumns}
        rows={retros.data?.items ?? []}
        getRowId={(retro) => retro.id}
        {...table}
        filterPlaceholder="Filter by account or category"
        rowHref={(retro) => retro.id}
        linkComponent={RouterRowLink}
        loading={retros.isPending}
        error={retros.error}
        errorTitle="Could not load the churn retros"
        onRetry={() => void retros.refetch()}
        emptyMessage={
          status ? `No ${retroStatusLabels[status].toLowerCase()} churn retro` : "No churn retro yet"
        }
        toolbar={
          <Select
            label="Status"
            options={statusOptions}
            placeholder="Any status"
            value={status ?? ""}
            onValueChange={setStatus}
          />
        }
      />
    </div>
  );
}
