import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./http.ts";
import { queryKeys } from "./queries.ts";

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
export type DocumentSectionInput = { id: string; heading: string; body: string };
export type DocumentTemplateInput = {
  id: string;
  name: string;
  source: string;
  title: string;
  sections: DocumentSectionInput[];
};
export type NotificationFilters = { unread?: boolean; page?: number; pageSize?: number };

/**
 * Keys for tasks, projects, documents, templates and notifications (M-1, M-2, SPEC §12).
 * Account-scoped lists sit under the account's detail key, so invalidating an account refreshes
 * them; "My tasks" and the feed have their own roots.
 */
export const workQueryKeys = {
  tasks: {
    all: ["tasks"] as const,
    mine: (filters: MyTaskFilters) => [...workQueryKeys.tasks.all, "mine", filters] as const,
    account: (accountId: string, status: TaskStatusFilter = "open") =>
      [...queryKeys.accounts.detail(accountId), "tasks", status] as const,
  },
  projects: {
    account: (accountId: string) => [...queryKeys.accounts.detail(accountId), "projects"] as const,
    templates: ["project-templates"] as const,
  },
  documents: {
    all: ["documents"] as const,
    account: (accountId: string) => [...queryKeys.accounts.detail(accountId), "documents"] as const,
    detail: (id: string) => [...workQueryKeys.documents.all, "detail", id] as const,
    version: (id: string, version: number) =>
      [...workQueryKeys.documents.detail(id), "version", version] as const,
  },
  templates: {
    all: ["templates"] as const,
    list: () => [...workQueryKeys.templates.all, "list"] as const,
    detail: (id: string) => [...workQueryKeys.templates.all, "detail", id] as const,
    version: (id: string, version: number) =>
      [...workQueryKeys.templates.detail(id), "version", version] as const,
    variables: ["template-variables"] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    list: (filters: NotificationFilters) => [...workQueryKeys.notifications.all, "list", filters] as const,
    unreadCount: () => [...workQueryKeys.notifications.all, "unread-count"] as const,
  },
};

/** String query values as the API takes them; undefined values are left out. */
function toQuery(filters: Record<string, string | number | boolean | undefined>) {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, String(value)]),
  ) as Record<string, string>;
}

const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

export const taskQueries = {
  /** M-1 "My tasks": overdue first, with counts (overdue, due today, upcoming). */
  mine: (filters: MyTaskFilters = {}) =>
    queryOptions({
      queryKey: workQueryKeys.tasks.mine(filters),
      queryFn: async () => unwrap(await api.tasks.$get({ query: toQuery(filters) })),
    }),
  account: (accountId: string, status: TaskStatusFilter = "open") =>
    queryOptions({
      queryKey: workQueryKeys.tasks.account(accountId, status),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].tasks.$get({ param: { id: accountId }, query: { status } })),
    }),
};

/** Invalidate `workQueryKeys.tasks.all` and the account's detail key after these. */
export const taskMutations = {
  create: async ({ accountId, task }: { accountId: string; task: TaskCreate }) =>
    unwrap(await api.accounts[":id"].tasks.$post({ param: { id: accountId }, json: task })),
  /** `version` is the task's `version` (If-Match); complete with `{ status: "done" }`. */
  update: async ({ id, version, patch }: { id: string; version: number; patch: TaskPatch }) =>
    unwrap(await api.tasks[":id"].$patch({ param: { id }, header: ifMatch(version), json: patch })),
};

export const projectQueries = {
  account: (accountId: string) =>
    queryOptions({
      queryKey: workQueryKeys.projects.account(accountId),
      queryFn: async () => unwrap(await api.accounts[":id"].projects.$get({ param: { id: accountId } })),
    }),
  templates: () =>
    queryOptions({
      queryKey: workQueryKeys.projects.templates,
      queryFn: async () => unwrap(await api["project-templates"].$get()),
      staleTime: 5 * 60_000,
    }),
};

export const projectMutations = {
  create: async ({
    accountId,
    templateId,
    startDate,
  }: {
    accountId: string;
    templateId: string;
    startDate?: string;
  }) =>
    unwrap(
      await api.accounts[":id"].projects.$post({
        param: { id: accountId },
        json: startDate === undefined ? { templateId } : { templateId, startDate },
      }),
    ),
};

export const documentQueries = {
  account: (accountId: string) =>
    queryOptions({
      queryKey: workQueryKeys.documents.account(accountId),
      queryFn: async () => unwrap(await api.accounts[":id"].documents.$get({ param: { id: accountId } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: workQueryKeys.documents.detail(id),
      queryFn: async () => unwrap(await api.documents[":id"].$get({ param: { id } })),
    }),
  /** A kept version never changes. */
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: workQueryKeys.documents.version(id, version),
      queryFn: async () =>
        unwrap(
          await api.documents[":id"].versions[":version"].$get({ param: { id, version: String(version) } }),
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export const documentMutations = {
  create: async ({ accountId, templateId }: { accountId: string; templateId: string }) =>
    unwrap(await api.accounts[":id"].documents.$post({ param: { id: accountId }, json: { templateId } })),
  /** Saves a new version; `version` is the document's `version` (If-Match). */
  save: async ({
    id,
    version,
    document,
  }: {
    id: string;
    version: number;
    document: { title: string; sections: DocumentSectionInput[] };
  }) => unwrap(await api.documents[":id"].$put({ param: { id }, header: ifMatch(version), json: document })),
};

export const templateQueries = {
  list: () =>
    queryOptions({
      queryKey: workQueryKeys.templates.list(),
      queryFn: async () => unwrap(await api.templates.$get()),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: workQueryKeys.templates.detail(id),
      queryFn: async () => unwrap(await api.templates[":id"].$get({ param: { id } })),
    }),
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: workQueryKeys.templates.version(id, version),
      queryFn: async () =>
        unwrap(
          await api.templates[":id"].versions[":version"].$get({ param: { id, version: String(version) } }),
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  variables: () =>
    queryOptions({
      queryKey: workQueryKeys.templates.variables,
      queryFn: async () => unwrap(await api["template-variables"].$get()),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

export const templateMutations = {
  /** Admin: saved as the next version; unknown variables answer 422 with `details[].path`. */
  save: async (template: DocumentTemplateInput) =>
    unwrap(await api.templates[":id"].$put({ param: { id: template.id }, json: template })),
};

export const notificationQueries = {
  list: (filters: NotificationFilters = {}) =>
    queryOptions({
      queryKey: workQueryKeys.notifications.list(filters),
      queryFn: async () => unwrap(await api.notifications.$get({ query: toQuery(filters) })),
    }),
  unreadCount: () =>
    queryOptions({
      queryKey: workQueryKeys.notifications.unreadCount(),
      queryFn: async () => unwrap(await api.notifications["unread-count"].$get()),
      refetchInterval: 60_000,
    }),
};

/** Invalidate `workQueryKeys.notifications.all` after these. */
export const notificationMutations = {
  read: async (id: number) =>
    unwrap(await api.notifications[":id"].read.$post({ param: { id: String(id) } })),
  readAll: async () => unwrap(await api.notifications["read-all"].$post()),
};
