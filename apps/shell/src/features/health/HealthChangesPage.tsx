import { useSession } from "@keel/app-kit";
import { type CategoryChangeFilters, healthQueries, usersQuery } from "@keel/client";
import { type HealthCategory, healthCategories } from "@keel/domain";
import {
  Button,
  DataTable,
  type DataTableColumn,
  DateText,
  HealthBadge,
  healthCategoryLabels,
  PageHeader,
  Select,
  type SelectOption,
  TextInput,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import "./health.css";

const PAGE_SIZE = 25;
const MINE = "mine";

type Change = {
  id: number;
  accountId: string;
  accountName: string;
  ta: { userId: string; name: string; email: string } | null;
  at: string;
  fromCategory: HealthCategory;
  toCategory: HealthCategory;
  score: number | null;
  policyVersion: number;
  cause: string;
};

const categoryOptions: SelectOption<HealthCategory>[] = healthCategories.map((category) => ({
  value: category,
  label: healthCategoryLabels[category],
}));

const columns: DataTableColumn<Change>[] = [
  {
    id: "at",
    header: "When",
    rowHeader: false,
    cell: (change) => (
      <>
        <DateText value={change.at} />{" "}
        <span className="shell-muted">
          {new Date(change.at).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}
        </span>
      </>
    ),
  },
  {
    id: "account",
    header: "Account",
    rowHeader: true,
    cell: (change) => <Link to={`/accounts/${change.accountId}`}>{change.accountName}</Link>,
  },
  {
    id: "ta",
    header: "TA",
    cell: (change) => change.ta?.name ?? <span className="shell-muted">Unassigned</span>,
  },
  {
    id: "change",
    header: "From → To",
    cell: (change) => (
      <span className="health-arrow">
        <HealthBadge category={change.fromCategory} />
        <span aria-hidden="true">→</span>
        <span className="keel-visually-hidden">to</span>
        <HealthBadge category={change.toCategory} />
      </span>
    ),
  },
  {
    id: "score",
    header: "Score",
    align: "end",
    cell: (change) => (change.score === null ? "—" : change.score.toFixed(2)),
  },
  { id: "policy", header: "Policy", cell: (change) => `v${change.policyVersion}` },
  { id: "cause", header: "Cause", cell: (change) => change.cause },
];

/** H-5 "health category changes" (seed 003's dashboard): who moved between bands, when and why. */
export function HealthChangesPage() {
  useDocumentTitle("Health changes");
  const { user } = useSession();
  const [ta, setTa] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [fromCategory, setFromCategory] = useState<HealthCategory | "">("");
  const [toCategory, setToCategory] = useState<HealthCategory | "">("");
  const [page, setPage] = useState(1);

  const technicalAdvisors = useQuery(usersQuery("ta"));
  const taOptions = useMemo<SelectOption[]>(
    () => [
      ...(user.roles.includes("ta") ? [{ value: MINE, label: "Mine" }] : []),
      ...(technicalAdvisors.data?.items ?? [])
        .filter((advisor) => advisor.id !== user.id)
        .map((advisor) => ({ value: advisor.id, label: advisor.name })),
    ],
    [technicalAdvisors.data, user.id, user.roles],
  );

  const filters: CategoryChangeFilters = {
    ta: ta || undefined,
    from: from || undefined,
    to: to || undefined,
    fromCategory: fromCategory || undefined,
    toCategory: toCategory || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const changes = useQuery({ ...healthQueries.categoryChanges(filters), placeholderData: keepPreviousData });

  // Any filter change starts again at page 1.
  const filterSetter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtersActive = ta !== "" || from !== "" || to !== "" || fromCategory !== "" || toCategory !== "";
  const clearFilters = () => {
    setTa("");
    setFrom("");
    setTo("");
    setFromCategory("");
    setToCategory("");
    setPage(1);
  };

  const total = changes.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = (changes.data?.items ?? []) as Change[];

  return (
    <div className="shell-page">
      <PageHeader
        title="Health changes"
        description="Accounts whose health category changed (green, yellow, red), newest first, with what caused it."
      />

      <fieldset className="health-filters">
        <legend className="keel-visually-hidden">Filters</legend>
        <Select
          label="TA"
          options={taOptions}
          placeholder="All TAs"
          value={ta}
          onValueChange={filterSetter(setTa)}
        />
        <TextInput
          label="From date"
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => filterSetter(setFrom)(event.target.value)}
        />
        <TextInput
          label="To date"
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => filterSetter(setTo)(event.target.value)}
        />
        <Select
          label="From category"
          options={categoryOptions}
          placeholder="Any"
          value={fromCategory}
          onValueChange={filterSetter(setFromCategory)}
        />
        <Select
          label="To category"
          options={categoryOptions}
          placeholder="Any"
          value={toCategory}
          onValueChange={filterSetter(setToCategory)}
        />
        {filtersActive && (
          <Button size="sm" variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </fieldset>

      <DataTable
        caption="Category changes"
        rowNoun={{ one: "change", other: "changes" }}
        mode="server"
        totalCount={total}
        filterable={false}
        columns={columns}
        rows={rows}
        getRowId={(change) => String(change.id)}
        loading={changes.isPending}
        error={changes.error}
        errorTitle="Could not load the category changes"
        onRetry={() => void changes.refetch()}
        emptyMessage={filtersActive ? "No category changes match these filters" : "No category changes yet"}
        emptyAction={
          filtersActive ? (
            <Button size="sm" onClick={clearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      />
      {total > 0 && (
        <nav className="health-pager" aria-label="Pages">
          <span className="shell-muted">
            Page {page} of {pages} · {total.toLocaleString("en-US")} changes
          </span>
          <Button size="sm" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>
            Previous
          </Button>
          <Button
            size="sm"
            onClick={() => setPage((p) => Math.min(pages, p + 1))}
            disabled={page >= pages || changes.isPlaceholderData}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
