import { MineOnlyToggle, RouterRowLink, useTableUrlState, useUrlFlag, useUrlParam } from "@keel/app-kit";
import { type EnrolmentSummary, lighthouseQueries } from "@keel/client";
import { enrolmentStates } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import {
  DataTable,
  type DataTableColumn,
  DateText,
  HealthBadge,
  Money,
  PageHeader,
  Select,
  type SelectOption,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ageText, sourceText, stateOptions, stateText } from "./labels.ts";
import { ProgramTabs } from "./ProgramTabs.tsx";

/** The program is tens to hundreds of accounts: one page of the API holds it. */
const PROGRAM_PAGE = 200;
const statuses = ["open", "exited", "all"] as const;
const statusOptions: SelectOption<(typeof statuses)[number]>[] = [
  { value: "open", label: "In the program" },
  { value: "exited", label: "Left the program" },
  { value: "all", label: "All stays" },
];

const columns: DataTableColumn<EnrolmentSummary>[] = [
  {
    id: "account",
    header: "Account",
    cell: (e) => e.accountName,
    sortValue: (e) => e.accountName.toLowerCase(),
    filterValue: (e) => `${e.accountName} ${e.taName ?? ""} ${e.sponsor?.name ?? ""}`,
    rowHeader: true,
  },
  {
    id: "state",
    header: "State",
    cell: (e) => stateText(e.state, e.exit),
    sortValue: (e) => enrolmentStates.indexOf(e.state),
  },
  {
    id: "entered",
    header: "Entered",
    cell: (e) => (
      <>
        <DateText value={e.enteredAt} />
        <span className="lighthouse-muted"> · {e.enteredBy?.name ?? sourceText(e.source)}</span>
      </>
    ),
    sortValue: (e) => e.enteredAt,
  },
  {
    id: "sponsor",
    header: "Exec sponsor",
    cell: (e) =>
      e.sponsor?.name ??
      (e.needsSponsor ? <span className="lighthouse-warning">Needs exec sponsor</span> : "—"),
    sortValue: (e) => e.sponsor?.name ?? "",
  },
  {
    id: "criteria",
    header: "Criteria met",
    align: "end",
    cell: (e) => (e.criteriaTotal === 0 ? "No plan yet" : `${e.criteriaMet} of ${e.criteriaTotal}`),
    sortValue: (e) => (e.criteriaTotal === 0 ? -1 : e.criteriaMet / e.criteriaTotal),
  },
  {
    id: "lastUpdate",
    header: "Last update",
    cell: (e) =>
      e.lastUpdateAt === null ? (
        <span className={e.exit ? undefined : "lighthouse-warning"}>None yet</span>
      ) : (
        <span className={!e.exit && e.daysSinceUpdate > 7 ? "lighthouse-warning" : undefined}>
          {ageText(e.daysSinceUpdate)}
        </span>
      ),
    sortValue: (e) => e.lastUpdateAt ?? "",
  },
  {
    id: "health",
    header: "Health",
    cell: (e) => (e.healthCategory ? <HealthBadge category={e.healthCategory} score={null} /> : "—"),
  },
  {
    id: "arr",
    header: "ARR",
    align: "end",
    cell: (e) => <Money cents={e.arrCents} currency="USD" />,
    sortValue: (e) => e.arrCents,
  },
  {
    id: "renewal",
    header: "Renewal",
    cell: (e) => <DateText value={e.renewalDate} fallback="Not set" />,
    sortValue: (e) => e.renewalDate ?? "9999",
  },
];

/** SPEC §11 / LH-5: the Lighthouse master list — who is in, since when, sponsor, criteria n/m, last update. */
export function MasterListPage(_props: RemoteAppProps) {
  const [statusParam, setStatus] = useUrlParam("status");
  const status = statuses.find((s) => s === statusParam) ?? "open";
  const [stateParam, setState] = useUrlParam("state");
  const state = enrolmentStates.find((s) => s === stateParam);
  const [mine, setMine] = useUrlFlag("mine");
  const table = useTableUrlState({ columnId: "entered", direction: "desc" });
  const list = useQuery({
    ...lighthouseQueries.list({
      status,
      state,
      owner: mine ? "mine" : undefined,
      pageSize: PROGRAM_PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  const truncated = list.data !== undefined && list.data.total > list.data.items.length;

  return (
    <div className="lighthouse">
      <PageHeader
        title="Lighthouse"
        description="The churn-save program: every account in it, since when and why, its exec sponsor, success criteria met and the TA's last weekly update."
      />
      <ProgramTabs from="index" />
      {truncated && (
        <p className="lighthouse-note" role="status">
          Showing the first {list.data.items.length} of {list.data.total} stays: narrow the list with the
          filters.
        </p>
      )}
      <DataTable
        caption="Accounts in the Lighthouse program"
        rowNoun={{ one: "account", other: "accounts" }}
        columns={columns}
        rows={list.data?.items ?? []}
        getRowId={(e) => e.id}
        {...table}
        filterPlaceholder="Filter by account, TA or sponsor"
        rowHref={(e) => `enrolments/${e.id}`}
        linkComponent={RouterRowLink}
        loading={list.isPending}
        error={list.error}
        errorTitle="Could not load the Lighthouse master list"
        onRetry={() => void list.refetch()}
        emptyMessage={
          status === "open"
            ? "No account is in the program. An approved red renewal assessment enters one, or enter one from its account page."
            : "No stay matches these filters."
        }
        toolbar={
          <>
            <Select
              label="Stays"
              options={statusOptions}
              value={status}
              onValueChange={(value) => setStatus(value || null)}
            />
            <Select
              label="State"
              options={stateOptions}
              placeholder="Any state"
              value={state ?? ""}
              onValueChange={(value) => setState(value || null)}
            />
            <MineOnlyToggle checked={mine} onChange={setMine} />
          </>
        }
      />
    </div>
  );
}
