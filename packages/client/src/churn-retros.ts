import type { ClosedLostCategory } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate, type QueryData } from "./cache.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";

export type ChurnRetroStatus = "open" | "reviewed" | "closed";
export type ChurnRetroFilters = { status?: ChurnRetroStatus };
export type ChurnRetroPatch = {
  lessonsLearned?: string;
  status?: ChurnRetroStatus;
  closedLostCategory?: ClosedLostCategory | null;
  churnReason?: string | null;
  sponsorId?: string | null;
};
export type ChurnRetroActionCreate = { title: string; ownerId?: string | null; dueDate: string };
export type ChurnRetroActionPatch = {
  title?: string;
  ownerId?: string | null;
  dueDate?: string;
  status?: "open" | "done";
};

export const churnRetroKeys = {
  all: ["churn-retros"] as const,
  lists: () => [...churnRetroKeys.all, "list"] as const,
  list: (filters: ChurnRetroFilters) => [...churnRetroKeys.lists(), filters] as const,
  detail: (id: string) => [...churnRetroKeys.all, "detail", id] as const,
};

export const churnRetroQueries = {
  /** churn retros, newest first. */
  list: (filters: ChurnRetroFilters = {}) =>
    queryOptions({
      queryKey: churnRetroKeys.list(filters),
      queryFn: async () => unwrap(await api["churn-retros"].$get({ query: toQuery(filters) })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: churnRetroKeys.detail(id),
      queryFn: async () => unwrap(await api["churn-retros"][":id"].$get({ param: { id } })),
    }),
};

/** One retro as the detail reads it, with whether the caller may edit it. */
export type ChurnRetro = QueryData<ReturnType<typeof churnRetroQueries.detail>>;
/** A retro in the list. */
export type ChurnRetroSummary = QueryData<ReturnType<typeof churnRetroQueries.list>>["items"][number];

/** Every write answers the retro: it goes into the detail; the lists and its account are refreshed. */
function retroSaved(queryClient: QueryClient) {
  return (retro: ChurnRetro) => {
    queryClient.setQueryData(churnRetroKeys.detail(retro.id), retro);
    return invalidate(queryClient, [churnRetroKeys.lists(), accountKeys.detail(retro.accountId)]);
  };
}

export const churnRetroMutations = {
  /** Lessons learned, status, category, reason, sponsor; `version` is the retro's (If-Match). */
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: ChurnRetroPatch }) =>
        unwrap(
          await api["churn-retros"][":id"].$patch({ param: { id }, header: ifMatch(version), json: patch }),
        ),
      onSuccess: retroSaved(queryClient),
    }),
  /** A call to action with its owner and due date. */
  addAction: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, action }: { id: string; action: ChurnRetroActionCreate }) =>
        unwrap(await api["churn-retros"][":id"].actions.$post({ param: { id }, json: action })),
      onSuccess: retroSaved(queryClient),
    }),
  /** Mark a call to action done or open, or change it; `version` is the action's (If-Match). */
  updateAction: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        actionId,
        version,
        patch,
      }: {
        id: string;
        actionId: string;
        version: number;
        patch: ChurnRetroActionPatch;
      }) =>
        unwrap(
          await api["churn-retros"][":id"].actions[":actionId"].$patch({
            param: { id, actionId },
            header: ifMatch(version),
            json: patch,
          }),
        ),
      onSuccess: retroSaved(queryClient),
    }),
};
