import type {
  HealthCategory,
  RenewalAssessmentInput,
  RenewalForecastInput,
  RenewalOutcome,
  RenewalOutcomeInput,
  RenewalPhase,
  RenewalPlanInput,
  RenewalRating,
} from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate, type QueryData } from "./cache.ts";
import { churnRetroKeys } from "./churn-retros.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";
import { taskKeys } from "./tasks.ts";

export type RenewalSort = "dueDate" | "arr" | "account" | "phase" | "health";

/** R-1 pipeline filters (GET /renewals). */
export type RenewalListFilters = {
  status?: "open" | "processed" | "all";
  /** A fiscal quarter, "2027-Q1". */
  quarter?: string;
  phase?: RenewalPhase;
  rating?: RenewalRating;
  health?: HealthCategory;
  outcome?: RenewalOutcome;
  overdue?: boolean;
  /** "mine": renewals where you hold any seat on the account (TA, AE, CE…); or a user id. */
  owner?: string;
  withinDays?: number;
  /** Account name contains. */
  q?: string;
  /** One account's renewals. */
  accountId?: string;
  sort?: RenewalSort;
  order?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

/** R-5 roll-up: one or more quarters (default: this one and the next three). */
export type RenewalForecastFilters = { quarters?: readonly string[]; owner?: string };
export type AccuracyGrouping = "ae" | "ta" | "quarter" | "weeks_out";

/**
 * Lists and roll-ups each have their own branch, so a write can refresh them all without
 * refetching the detail it has just been answered with.
 */
export const renewalKeys = {
  all: ["renewals"] as const,
  lists: () => [...renewalKeys.all, "list"] as const,
  list: (filters: RenewalListFilters) => [...renewalKeys.lists(), filters] as const,
  reviewLists: () => [...renewalKeys.all, "review-list"] as const,
  reviewList: (owner?: string) => [...renewalKeys.reviewLists(), { owner }] as const,
  forecasts: () => [...renewalKeys.all, "forecast"] as const,
  forecast: (filters: RenewalForecastFilters) => [...renewalKeys.forecasts(), filters] as const,
  accuracies: () => [...renewalKeys.all, "accuracy"] as const,
  accuracy: (by: AccuracyGrouping) => [...renewalKeys.accuracies(), by] as const,
  detail: (id: string) => [...renewalKeys.all, "detail", id] as const,
};

export const renewalQueries = {
  list: (filters: RenewalListFilters) =>
    queryOptions({
      queryKey: renewalKeys.list(filters),
      queryFn: async () => unwrap(await api.renewals.$get({ query: toQuery(filters) })),
    }),
  /** the Yellow/Red Renewals review list, longest on it first. */
  reviewList: (owner?: string) =>
    queryOptions({
      queryKey: renewalKeys.reviewList(owner),
      queryFn: async () => unwrap(await api.renewals["review-list"].$get({ query: toQuery({ owner }) })),
    }),
  /** expected ARR by quarter and outcome. */
  forecast: (filters: RenewalForecastFilters = {}) =>
    queryOptions({
      queryKey: renewalKeys.forecast(filters),
      queryFn: async () =>
        unwrap(
          await api.renewals.forecast.$get({
            query: {
              ...toQuery({ owner: filters.owner }),
              ...(filters.quarters?.length ? { quarter: [...filters.quarters] } : {}),
            },
          }),
        ),
    }),
  /** X-5: accuracy of processed renewals' forecasts, beside the data forecast's. */
  accuracy: (by: AccuracyGrouping) =>
    queryOptions({
      queryKey: renewalKeys.accuracy(by),
      queryFn: async () => unwrap(await api.renewals.accuracy.$get({ query: { by } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: renewalKeys.detail(id),
      queryFn: async () => unwrap(await api.renewals[":id"].$get({ param: { id } })),
    }),
};

/** One renewal as the detail and every write answer it. */
export type RenewalDetail = QueryData<ReturnType<typeof renewalQueries.detail>>;
export type RenewalPage = QueryData<ReturnType<typeof renewalQueries.list>>;
export type RenewalSummary = RenewalPage["items"][number];

/**
 * Every write answers the renewal: it goes into the detail; the lists, roll-ups and the
 * account's page (its ARR, renewal date, documents, tasks, Lighthouse) are refreshed.
 */
function renewalSaved(queryClient: QueryClient, extraKeys: readonly (readonly unknown[])[] = []) {
  return (renewal: RenewalDetail) => {
    queryClient.setQueryData(renewalKeys.detail(renewal.id), renewal);
    return invalidate(queryClient, [
      renewalKeys.lists(),
      renewalKeys.reviewLists(),
      renewalKeys.forecasts(),
      renewalKeys.accuracies(),
      accountKeys.detail(renewal.accountId),
      ...extraKeys,
    ]);
  };
}

type VersionedWrite<Body> = { id: string; version: number; body: Body };

export const renewalMutations = {
  /** the TA's rating and summary (If-Match: the renewal's version). */
  assess: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, body }: VersionedWrite<RenewalAssessmentInput>) =>
        unwrap(
          await api.renewals[":id"].assessment.$put({ param: { id }, header: ifMatch(version), json: body }),
        ),
      onSuccess: renewalSaved(queryClient, [taskKeys.all]),
    }),
  /**
   * approve the rating for your side (If-Match). With both sides it takes its route (save
   * plan document and task, or Lighthouse): tasks are refreshed too.
   */
  approve: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version }: { id: string; version: number }) =>
        unwrap(
          await api.renewals[":id"].assessment.approvals.$post({
            param: { id },
            header: ifMatch(version),
            json: {},
          }),
        ),
      onSuccess: renewalSaved(queryClient, [taskKeys.all]),
    }),
  /** the AE's plan (If-Match). */
  plan: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, body }: VersionedWrite<RenewalPlanInput>) =>
        unwrap(await api.renewals[":id"].plan.$put({ param: { id }, header: ifMatch(version), json: body })),
      onSuccess: renewalSaved(queryClient),
    }),
  /** this week's forecast (appended: no If-Match). */
  forecast: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, body }: { id: string; body: RenewalForecastInput }) =>
        unwrap(await api.renewals[":id"].forecasts.$post({ param: { id }, json: body })),
      onSuccess: renewalSaved(queryClient),
    }),
  /** record the outcome (If-Match); R-7 may open a churn retro. */
  process: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, body }: VersionedWrite<RenewalOutcomeInput>) =>
        unwrap(
          await api.renewals[":id"].process.$post({ param: { id }, header: ifMatch(version), json: body }),
        ),
      onSuccess: renewalSaved(queryClient, [taskKeys.all, churnRetroKeys.all]),
    }),
};
