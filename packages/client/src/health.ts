import type { HealthCategory, Pulse } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";

export type HealthHistoryRange = { from?: string; to?: string };

export type CategoryChangeFilters = {
  ta?: string;
  from?: string;
  to?: string;
  fromCategory?: HealthCategory;
  toCategory?: HealthCategory;
  page?: number;
  pageSize?: number;
};

export type ManualTraitsPatch = {
  taPulse?: Pulse | null;
  activeChampion?: boolean | null;
  buyerAccess?: boolean | null;
};

/**
 * One account's health sits under the account's detail key, so invalidating an account
 * refreshes its health too; book-wide health (category changes) has its own root.
 */
export const healthKeys = {
  all: ["health"] as const,
  account: (id: string) => [...accountKeys.detail(id), "health"] as const,
  history: (id: string, range: HealthHistoryRange = {}) =>
    [...healthKeys.account(id), "history", range] as const,
  asOf: (id: string, date: string, policyVersion?: number) =>
    [...healthKeys.account(id), "as-of", date, policyVersion ?? "in-force"] as const,
  categoryChanges: (filters: CategoryChangeFilters) =>
    [...healthKeys.all, "category-changes", filters] as const,
};

/** Health (H-3…H-6): current score with breakdown, history (trend), time travel, category changes. */
export const healthQueries = {
  account: (id: string) =>
    queryOptions({
      queryKey: healthKeys.account(id),
      queryFn: async () => unwrap(await api.accounts[":id"].health.$get({ param: { id } })),
    }),
  history: (id: string, range: HealthHistoryRange = {}) =>
    queryOptions({
      queryKey: healthKeys.history(id, range),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].health.history.$get({ param: { id }, query: toQuery(range) })),
    }),
  asOf: (id: string, date: string, policyVersion?: number) =>
    queryOptions({
      queryKey: healthKeys.asOf(id, date, policyVersion),
      queryFn: async () =>
        unwrap(
          await api.accounts[":id"].health["as-of"].$get({
            param: { id },
            query: { date, ...toQuery({ policyVersion }) },
          }),
        ),
    }),
  categoryChanges: (filters: CategoryChangeFilters) =>
    queryOptions({
      queryKey: healthKeys.categoryChanges(filters),
      queryFn: async () => unwrap(await api.health["category-changes"].$get({ query: toQuery(filters) })),
    }),
};

export const healthMutations = {
  /**
   * Set manual traits (H-5); `version` is `manualTraits.version` from the health answer
   * (If-Match). The answer is the recomputed health: it goes straight into the cache, then the
   * account (its history) and every account list (their Health column) are invalidated.
   */
  setTraits: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        accountId,
        version,
        patch,
      }: {
        accountId: string;
        version: number;
        patch: ManualTraitsPatch;
      }) =>
        unwrap(
          await api.accounts[":id"].traits.$put({
            param: { id: accountId },
            header: ifMatch(version),
            json: patch,
          }),
        ),
      onSuccess: (health, { accountId }) => {
        queryClient.setQueryData(healthKeys.account(accountId), health);
        return invalidate(queryClient, [accountKeys.detail(accountId), accountKeys.lists()]);
      },
    }),
};
