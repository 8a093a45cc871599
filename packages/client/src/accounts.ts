import type { AccountSort, HealthCategory, LifecycleStage, Segment } from "@keel/domain";
import { queryOptions } from "@tanstack/react-query";
import { api, toQuery, unwrap } from "./http.ts";

export type AccountListFilters = {
  ta?: string;
  segment?: Segment;
  stage?: LifecycleStage;
  renewalFrom?: string;
  renewalTo?: string;
  renewalWithinDays?: number;
  q?: string;
  /** H-3 category; "unknown" includes accounts not scored yet. */
  health?: HealthCategory;
  sort?: AccountSort;
  order?: "asc" | "desc";
  page?: number;
  pageSize?: number;
};

/**
 * Everything about one account (its health, contacts, tasks, documents, stage history…) sits
 * under `detail(id)`, so invalidating an account refreshes every card of its page.
 */
export const accountKeys = {
  all: ["accounts"] as const,
  lists: () => [...accountKeys.all, "list"] as const,
  list: (filters: AccountListFilters) => [...accountKeys.lists(), filters] as const,
  detail: (id: string) => [...accountKeys.all, "detail", id] as const,
  contacts: (id: string) => [...accountKeys.detail(id), "contacts"] as const,
};

export const accountQueries = {
  list: (filters: AccountListFilters) =>
    queryOptions({
      queryKey: accountKeys.list(filters),
      queryFn: async () => unwrap(await api.accounts.$get({ query: toQuery(filters) })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: accountKeys.detail(id),
      queryFn: async () => unwrap(await api.accounts[":id"].$get({ param: { id } })),
    }),
  contacts: (id: string) =>
    queryOptions({
      queryKey: accountKeys.contacts(id),
      queryFn: async () => unwrap(await api.accounts[":id"].contacts.$get({ param: { id } })),
    }),
};
