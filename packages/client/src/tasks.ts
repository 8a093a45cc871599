import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";

/** M-1 "My tasks" filters (GET /tasks). */
export type MyTaskFilters = {
  /** "me" (default) or a user id (another person's list needs the team view). */
  assignee?: string;
  status?: TaskStatusFilter;
  accountId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};
export type TaskStatusFilter = "open" | "done" | "all";

export type TaskCreate = { title: string; notes?: string | null; assigneeId?: string; dueDate: string };
export type TaskPatch = {
  title?: string;
  notes?: string | null;
  assigneeId?: string | null;
  dueDate?: string;
  status?: "open" | "done";
};

/** "My tasks" has its own root; an account's tasks sit under the account. */
export const taskKeys = {
  all: ["tasks"] as const,
  mine: (filters: MyTaskFilters) => [...taskKeys.all, "mine", filters] as const,
  account: (accountId: string, status: TaskStatusFilter = "open") =>
    [...accountKeys.detail(accountId), "tasks", status] as const,
};

export const taskQueries = {
  /** M-1 "My tasks": overdue first, with counts (overdue, due today, upcoming). */
  mine: (filters: MyTaskFilters = {}) =>
    queryOptions({
      queryKey: taskKeys.mine(filters),
      queryFn: async () => unwrap(await api.tasks.$get({ query: toQuery(filters) })),
    }),
  account: (accountId: string, status: TaskStatusFilter = "open") =>
    queryOptions({
      queryKey: taskKeys.account(accountId, status),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].tasks.$get({ param: { id: accountId }, query: { status } })),
    }),
};

/** Every task list and the task's account (its open-task count, its tasks card). */
const taskListsOf = (accountId: string) => [taskKeys.all, accountKeys.detail(accountId)];

export const taskMutations = {
  create: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ accountId, task }: { accountId: string; task: TaskCreate }) =>
        unwrap(await api.accounts[":id"].tasks.$post({ param: { id: accountId }, json: task })),
      onSuccess: (_task, { accountId }) => invalidate(queryClient, taskListsOf(accountId)),
    }),
  /**
   * `version` is the task's `version` (If-Match); complete with `{ status: "done" }`.
   * Invalidates when settled, failed too: a 412 means the lists on screen are stale.
   */
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({
        id,
        version,
        patch,
      }: {
        id: string;
        /** The task's account, for invalidation only. */
        accountId: string;
        version: number;
        patch: TaskPatch;
      }) => unwrap(await api.tasks[":id"].$patch({ param: { id }, header: ifMatch(version), json: patch })),
      onSettled: (_task, _error, { accountId }) => invalidate(queryClient, taskListsOf(accountId)),
    }),
};
