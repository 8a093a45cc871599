import { MineOnlyToggle, RouterRowLink, sortFromParams, useUrlFlag, useUrlParam } from "@keel/app-kit";
import { type RenewalListFilters, type RenewalSort, renewalQueries } from "@keel/client";
import {
  type HealthCategory,
  healthCategories,
  healthCategorySchema,
  type RenewalPhase,
  type RenewalRating,
  renewalPhaseDescriptions,
  renewalPhaseLabels,
  renewalPhaseSchema,
  renewalRatingLabels,
  renewalRatingSchema,
  renewalRatings,
  renewalWindowDays,
} from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import {
  Button,
  DataTable,
  healthCategoryLabels,
  Money,
  PageHeader,
  Select,
  type SelectOption,
  type SortState,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { Pager } from "./Pager.tsx";
import { PipelineBoard } from "./PipelineBoard.tsx";
import { pipelineColumns } from "./pipeline-columns.tsx";
import { RenewalsTabs } from "./RenewalsTabs.tsx";

export const PIPELINE_PAGE_SIZE = 50;
const serverSorts: readonly RenewalSort[] = ["dueDate", "arr", "account", "phase", "health"];
const FILTER_PARAMS = ["phase", "quarter", "rating", "health", "overdue", "mine", "within", "q"];

const ratingOptions: SelectOption<RenewalRating>[] = renewalRatings.map((rating) => ({
  value: rating,
  label: renewalRatingLabels[rating],
}));
const healthOptions: SelectOption<HealthCategory>[] = healthCategories.map((category) => ({
  value: category,
  label: healthCategoryLabels[category],
}));
const withinOptions: SelectOption[] = renewalWindowDays.map((days) => ({
  value: String(days),
  label: `Next ${days} days`,
}));

/** The pipeline's filters as the URL holds them (`?phase=&quarter=&…&page=`). */
export function pipelineFiltersOf(params: URLSearchParams): RenewalListFilters {
  const sortParam = params.get("sort");
  const sort = serverSorts.find((candidate) => candidate === sortParam) ?? "dueDate";
  const within = Number(params.get("within"));
  const page = Number(params.get("page"));
  return {
    status: "open",
    phase: renewalPhaseSchema.safeParse(params.get("phase")).data,
    quarter: params.get("quarter") ?? undefined,
    rating: renewalRatingSchema.safeParse(params.get("rating")).data,
    health: healthCategorySchema.safeParse(params.get("health")).data,
    overdue: params.get("overdue") === "1" ? true : undefined,
    owner: params.get("mine") === "1" ? "mine" : undefined,
    withinDays: renewalWindowDays.find((days) => days === within),
    q: params.get("q") || undefined,
    sort,
    order: sortParam && params.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PIPELINE_PAGE_SIZE,
  };
}

/**
 * R-1 pipeline: open renewals, filtered, sorted and paged on the server, with the phase chips
 * (counts and ARR per phase) as a filter. Every choice is in the URL, to share the view.
 */
export function PipelinePage(_props: RemoteAppProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = pipelineFiltersOf(searchParams);
  const sort = sortFromParams(searchParams, { columnId: "dueDate", direction: "asc" });
  // A new sort or search starts again from the first page (one URL update: two in one tick
  // would each start from the same params and the second would undo the first).
  const updateParams = (change: (params: URLSearchParams) => void) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        change(next);
        next.delete("page");
        return next;
      },
      { replace: true },
    );
  const onSortChange = (sort: SortState) =>
    updateParams((params) => {
      if (sort.columnId === "dueDate" && sort.direction === "asc") {
        params.delete("sort");
        params.delete("dir");
      } else {
        params.set("sort", sort.columnId);
        params.set("dir", sort.direction);
      }
    });
  const onFilterChange = (text: string) =>
    updateParams((params) => (text === "" ? params.delete("q") : params.set("q", text)));
  const [, setPhase] = useUrlParam("phase");
  const [, setQuarter] = useUrlParam("quarter");
  const [, setRating] = useUrlParam("rating");
  const [, setHealth] = useUrlParam("health");
  const [, setWithin] = useUrlParam("within");
  const [, setPage] = useUrlParam("page");
  const [overdueOnly, setOverdueOnly] = useUrlFlag("overdue");
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const [view, setView] = useUrlParam("view");
  const board = view === "board";

  const renewals = useQuery({ ...renewalQueries.list(filters), placeholderData: keepPreviousData });
  // The roll-up names the quarters the renewal policy's fiscal year has now and next.
  const quarters = useQuery(renewalQueries.forecast());
  const quarterOptions: SelectOption[] = (quarters.data?.quarters ?? []).map(({ quarter }) => ({
    value: quarter,
    label: quarter,
  }));
  if (filters.quarter && !quarterOptions.some((option) => option.value === filters.quarter)) {
    quarterOptions.unshift({ value: filters.quarter, label: filters.quarter });
  }

  const phases = renewals.data?.phases ?? [];
  const currency = renewals.data?.items[0]?.currency ?? "USD";
  const filtered = FILTER_PARAMS.some((name) => searchParams.has(name));
  const clearFilters = () =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        for (const name of [...FILTER_PARAMS, "page"]) next.delete(name);
        return next;
      },
      { replace: true },
    );
  const choosePhase = (phase: RenewalPhase) => setPhase(filters.phase === phase ? null : phase);

  return (
    <div className="renewals">
      <PageHeader
        title="Renewals"
        description="Open renewals and where each stands in the renewal process (R-1), soonest first."
      />
      <RenewalsTabs from="index" />

      <section aria-label="Phases" className="renewals-phases" aria-busy={renewals.isPending || undefined}>
        {phases.map(({ phase, count, arrAtStakeCents }) => (
          <button
            key={phase}
            type="button"
            className="renewals-phase-chip"
            aria-pressed={filters.phase === phase}
            title={renewalPhaseDescriptions[phase]}
            onClick={() => choosePhase(phase)}
          >
            <span className="renewals-phase-chip__label">{renewalPhaseLabels[phase]}</span>
            <span className="renewals-phase-chip__count">{count.toLocaleString("en-US")}</span>
            <Money cents={arrAtStakeCents} currency={currency} compact />
          </button>
        ))}
        {renewals.data && renewals.data.overdue > 0 && (
          <button
            type="button"
            className="renewals-phase-chip renewals-phase-chip--overdue"
            aria-pressed={overdueOnly}
            onClick={() => setOverdueOnly(!overdueOnly)}
          >
            <span className="renewals-phase-chip__label">Overdue</span>
            <span className="renewals-phase-chip__count">
              {renewals.data.overdue.toLocaleString("en-US")}
            </span>
            <span>not processed</span>
          </button>
        )}
      </section>

      <div className="renewals-filters">
        <Select
          label="Quarter"
          options={quarterOptions}
          placeholder="Any quarter"
          value={filters.quarter ?? ""}
          onValueChange={setQuarter}
        />
        <Select
          label="Renewing within"
          options={withinOptions}
          placeholder="Any time"
          value={filters.withinDays === undefined ? "" : String(filters.withinDays)}
          onValueChange={setWithin}
        />
        <Select
          label="Rating"
          options={ratingOptions}
          placeholder="Any rating"
          value={filters.rating ?? ""}
          onValueChange={setRating}
        />
        <Select
          label="Health"
          options={healthOptions}
          placeholder="Any health"
          value={filters.health ?? ""}
          onValueChange={setHealth}
        />
        <label className="keel-mine-only">
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => setOverdueOnly(event.target.checked)}
          />
          Overdue only
        </label>
        {filtered && (
          <Button size="sm" variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </div>

      <fieldset className="renewals-form__row renewals-view-toggle">
        <legend className="keel-visually-hidden">Show the pipeline as</legend>
        <Button
          size="sm"
          variant={board ? "ghost" : "secondary"}
          aria-pressed={!board}
          onClick={() => setView(null)}
        >
          Table
        </Button>
        <Button
          size="sm"
          variant={board ? "secondary" : "ghost"}
          aria-pressed={board}
          onClick={() => setView("board")}
        >
          Board
        </Button>
      </fieldset>
      {board && renewals.data && (
        <PipelineBoard renewals={renewals.data.items} phases={phases} currency={currency} />
      )}
      {!board && (
        <DataTable
          caption="Open renewals"
          rowNoun={{ one: "renewal", other: "renewals" }}
          mode="server"
          totalCount={renewals.data?.total}
          columns={pipelineColumns}
          rows={renewals.data?.items ?? []}
          getRowId={(renewal) => renewal.id}
          sort={sort}
          onSortChange={onSortChange}
          filter={searchParams.get("q") ?? ""}
          onFilterChange={onFilterChange}
          filterPlaceholder="Filter by account name"
          rowHref={(renewal) => renewal.id}
          linkComponent={RouterRowLink}
          loading={renewals.isPending}
          error={renewals.error}
          errorTitle="Could not load the renewals"
          onRetry={() => void renewals.refetch()}
          emptyMessage={filtered ? "No open renewal matches these filters" : "No renewal is open yet"}
          emptyAction={
            filtered ? (
              <Button size="sm" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : undefined
          }
          toolbar={<MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />}
        />
      )}
      {renewals.data && (
        <Pager
          page={filters.page ?? 1}
          pageSize={PIPELINE_PAGE_SIZE}
          total={renewals.data.total}
          noun="renewals"
          onPageChange={(page) => setPage(page === 1 ? null : String(page))}
        />
      )}
    </div>
  );
}
