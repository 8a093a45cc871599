import { RouterRowLink, useSession, useTableUrlState, useUrlParam } from "@keel/app-kit";
import { accountQueries, usersQuery } from "@keel/client";
import {
  type AccountSummary,
  type HealthCategory,
  healthCategories,
  healthCategorySchema,
  type LifecycleStage,
  lifecycleStageLabels,
  lifecycleStageSchema,
  lifecycleStages,
  type Segment,
  segmentLabels,
  segmentSchema,
  segments,
} from "@keel/domain";
import { Button, DataTable, healthCategoryLabels, PageHeader, Select, type SelectOption } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { RecommendationsPanel } from "../recommendations/RecommendationsPanel.tsx";
import { MyTasksSummary } from "../tasks/MyTasksPage.tsx";
import { bookColumns } from "./account-columns.tsx";

/** The most the API gives in one page; a book is far smaller, "All accounts" fits too. */
const BOOK_PAGE_SIZE = 500;
const ALL = "all";
const MINE = "mine";

const segmentOptions: SelectOption<Segment>[] = segments.map((segment) => ({
  value: segment,
  label: segmentLabels[segment],
}));
const stageOptions: SelectOption<LifecycleStage>[] = lifecycleStages.map((stage) => ({
  value: stage,
  label: lifecycleStageLabels[stage],
}));

const healthOptions: SelectOption<HealthCategory>[] = healthCategories.map((category) => ({
  value: category,
  label: healthCategoryLabels[category],
}));

/** TA home (SPEC §11): the signed-in TA's book; others pick whose book to look at. */
export function MyBookPage() {
  useDocumentTitle("My book");
  const { user } = useSession();
  const isTa = user.roles.includes("ta");
  const [searchParams, setSearchParams] = useSearchParams();
  const book = searchParams.get("book") ?? (isTa ? MINE : ALL);
  // The whole view is in the URL (whose book, filters, sort), so it can be shared as a link.
  const [segmentParam, setSegment] = useUrlParam("segment");
  const [stageParam, setStage] = useUrlParam("stage");
  const [healthParam, setHealth] = useUrlParam("health");
  const segment: Segment | "" = segmentSchema.safeParse(segmentParam).data ?? "";
  const stage: LifecycleStage | "" = lifecycleStageSchema.safeParse(stageParam).data ?? "";
  const health: HealthCategory | "" = healthCategorySchema.safeParse(healthParam).data ?? "";
  const table = useTableUrlState({ columnId: "name", direction: "asc" });

  const technicalAdvisors = useQuery(usersQuery("ta"));
  const accounts = useQuery(
    accountQueries.list({
      ta: book === ALL ? undefined : book,
      sort: "name",
      order: "asc",
      pageSize: BOOK_PAGE_SIZE,
    }),
  );

  const bookOptions = useMemo<SelectOption[]>(() => {
    const others = (technicalAdvisors.data?.items ?? [])
      .filter((ta) => ta.id !== user.id)
      .map((ta) => ({ value: ta.id, label: ta.name }));
    return [
      ...(isTa ? [{ value: MINE, label: "My accounts" }] : []),
      { value: ALL, label: "All accounts" },
      ...others,
    ];
  }, [technicalAdvisors.data, user.id, isTa]);

  const bookName =
    book === MINE
      ? "Accounts where you are the Technical Advisor."
      : book === ALL
        ? "Every account, whoever the TA."
        : `Accounts of ${bookOptions.find((option) => option.value === book)?.label ?? "this TA"}.`;

  const allRows = useMemo(() => accounts.data?.items ?? [], [accounts.data]);
  const rows = useMemo(
    () =>
      allRows.filter(
        (account: AccountSummary) =>
          (segment === "" || account.segment === segment) &&
          (stage === "" || account.lifecycleStage === stage) &&
          (health === "" || (account.healthCategory ?? "unknown") === health),
      ),
    [allRows, segment, stage, health],
  );
  const selectFiltersActive = segment !== "" || stage !== "" || health !== "";
  const clearSelectFilters = () =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        for (const name of ["segment", "stage", "health"]) next.delete(name);
        return next;
      },
      { replace: true },
    );

  const chooseBook = (value: string) => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value === (isTa ? MINE : ALL)) next.delete("book");
        else next.set("book", value);
        return next;
      },
      { replace: true },
    );
  };

  const truncated = accounts.data && accounts.data.total > accounts.data.items.length;

  return (
    <div className="shell-page">
      <PageHeader
        title="My book"
        description={bookName}
        actions={
          <Select
            label="Whose book"
            options={bookOptions}
            value={book}
            onValueChange={(value) => chooseBook(value || (isTa ? MINE : ALL))}
            fieldClassName="book-whose"
          />
        }
      />

      {book === MINE && <MyTasksSummary />}
      {book !== ALL && <RecommendationsPanel ta={book === MINE ? "me" : book} />}

      {truncated && (
        <p className="shell-note" role="status">
          Showing the first {accounts.data.items.length.toLocaleString("en-US")} of{" "}
          {accounts.data.total.toLocaleString("en-US")} accounts, by name.
        </p>
      )}

      <DataTable
        caption="Accounts"
        rowNoun={{ one: "account", other: "accounts" }}
        columns={bookColumns}
        rows={rows}
        getRowId={(account) => account.id}
        {...table}
        filterPlaceholder="Filter by account name"
        rowHref={(account) => `/accounts/${account.id}`}
        linkComponent={RouterRowLink}
        loading={accounts.isPending}
        error={accounts.error}
        errorTitle="Could not load the book"
        onRetry={() => void accounts.refetch()}
        emptyMessage={
          selectFiltersActive && allRows.length > 0
            ? "No accounts match these filters"
            : book === MINE
              ? "No accounts are assigned to you yet"
              : "No accounts in this book"
        }
        emptyAction={
          selectFiltersActive && allRows.length > 0 ? (
            <Button size="sm" onClick={clearSelectFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
        toolbar={
          <>
            <Select
              label="Segment"
              options={segmentOptions}
              placeholder="All segments"
              value={segment}
              onValueChange={setSegment}
            />
            <Select
              label="Stage"
              options={stageOptions}
              placeholder="All stages"
              value={stage}
              onValueChange={setStage}
            />
            <Select
              label="Health"
              options={healthOptions}
              placeholder="All"
              value={health}
              onValueChange={setHealth}
            />
          </>
        }
      />
    </div>
  );
}
