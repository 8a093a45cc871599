import { complianceQueries, type QueryData } from "@keel/client";
import {
  AsyncContent,
  Card,
  DataTable,
  type DataTableColumn,
  DateText,
  PageHeader,
  Skeleton,
} from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";

type ComplianceData = QueryData<ReturnType<typeof complianceQueries.list>>;
type ComplianceRow = ComplianceData["lists"][number]["items"][number];

const columns: DataTableColumn<ComplianceRow>[] = [
  {
    id: "account",
    header: "Account",
    cell: (r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>,
    sortValue: (r) => r.accountName,
    filterValue: (r) => r.accountName,
    rowHeader: true,
  },
  {
    id: "ta",
    header: "TA",
    cell: (r) => r.ta?.name ?? "No TA",
    sortValue: (r) => r.ta?.name ?? "",
    filterValue: (r) => r.ta?.name,
  },
  { id: "due", header: "Due", cell: (r) => <DateText value={r.dueOn} />, sortValue: (r) => r.dueOn },
  { id: "late", header: "Days late", cell: (r) => r.daysLate, sortValue: (r) => r.daysLate, align: "end" },
  { id: "detail", header: "Detail", cell: (r) => r.detail, filterValue: (r) => r.detail },
];

/** X-6: each of the handbook's SLAs as a live list of who is late (SPEC §11 manager views). */
export function CompliancePage() {
  useDocumentTitle("Compliance");
  const lists = useQuery(complianceQueries.list());
  return (
    <div className="shell-page">
      <PageHeader
        title="Compliance"
        description={
          lists.data && (
            <>
              As of <DateText value={lists.data.today} />: who is late on the handbook's SLAs.
            </>
          )
        }
      />
      <AsyncContent
        query={lists}
        loading={<Skeleton variant="block" height="20rem" label="Loading the lists…" />}
        errorTitle="Could not load the compliance lists"
        className="shell-stack"
      >
        {(data) =>
          data.lists.map((list) => (
            <Card
              key={list.id}
              id={list.id}
              title={`${list.title} (${list.items.length})`}
              actions={<span className="shell-muted">{`${list.ruleIds.join(", ")} · SLA: ${list.sla}`}</span>}
              flush
            >
              <DataTable
                caption={list.title}
                columns={columns}
                rows={list.items}
                getRowId={(r) => `${r.accountId}:${r.detail}`}
                rowNoun={{ one: "account", other: "accounts" }}
                defaultSort={{ columnId: "late", direction: "desc" }}
                filterable={list.items.length > 10}
                emptyMessage="Nobody is late."
              />
            </Card>
          ))
        }
      </AsyncContent>
    </div>
  );
}
