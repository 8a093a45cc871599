import type {
  AccountSort,
  ApiKeyScope,
  HealthCategory,
  HealthPolicyDocument,
  HealthPolicyDraft,
  LifecycleStage,
  Pulse,
  Segment,
  UserRole,
} from "@keel/domain";
import { queryOptions } from "@tanstack/react-query";
import { ApiRequestError, api, unwrap } from "./http.ts";

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

export type ContactListFilters = {
  missingRoles?: boolean;
  ta?: string;
  accountId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

/** Query keys as a hierarchy (all → lists → list(f) → detail(id)) so invalidation works by prefix. */
export const queryKeys = {
  me: ["me"] as const,
  users: (role?: UserRole) => ["users", role ?? "all"] as const,
  accounts: {
    all: ["accounts"] as const,
    lists: () => [...queryKeys.accounts.all, "list"] as const,
    list: (filters: AccountListFilters) => [...queryKeys.accounts.lists(), filters] as const,
    detail: (id: string) => [...queryKeys.accounts.all, "detail", id] as const,
    contacts: (id: string) => [...queryKeys.accounts.detail(id), "contacts"] as const,
  },
  contacts: {
    all: ["contacts"] as const,
    list: (filters: ContactListFilters) => [...queryKeys.contacts.all, "list", filters] as const,
  },
  /** Under the account's detail key, so invalidating an account refreshes its health too. */
  health: {
    account: (id: string) => [...queryKeys.accounts.detail(id), "health"] as const,
    history: (id: string, range: HealthHistoryRange = {}) =>
      [...queryKeys.health.account(id), "history", range] as const,
    asOf: (id: string, date: string, policyVersion?: number) =>
      [...queryKeys.health.account(id), "as-of", date, policyVersion ?? "in-force"] as const,
    categoryChanges: (filters: CategoryChangeFilters) => ["health", "category-changes", filters] as const,
  },
  policies: {
    all: ["health-policies"] as const,
    list: () => [...queryKeys.policies.all, "list"] as const,
    detail: (version: number) => [...queryKeys.policies.all, "detail", version] as const,
  },
  apiKeys: { all: ["api-keys"] as const },
};

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

/** String query values as the API takes them; undefined values are left out. */
function toQuery<T extends Record<string, string | number | boolean | undefined>>(filters: T) {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, String(value)]),
  ) as Record<string, string>;
}

export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: async () => {
      try {
        return await unwrap(await api.me.$get());
      } catch (error) {
        // Not signed in is an answer, not an error: the app shows the sign-in page.
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });

export const usersQuery = (role?: UserRole) =>
  queryOptions({
    queryKey: queryKeys.users(role),
    queryFn: async () => unwrap(await api.users.$get({ query: role ? { role } : {} })),
    staleTime: 5 * 60_000,
  });

export const accountQueries = {
  list: (filters: AccountListFilters) =>
    queryOptions({
      queryKey: queryKeys.accounts.list(filters),
      queryFn: async () => unwrap(await api.accounts.$get({ query: toQuery(filters) })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.accounts.detail(id),
      queryFn: async () => unwrap(await api.accounts[":id"].$get({ param: { id } })),
    }),
  contacts: (id: string) =>
    queryOptions({
      queryKey: queryKeys.accounts.contacts(id),
      queryFn: async () => unwrap(await api.accounts[":id"].contacts.$get({ param: { id } })),
    }),
};

export const contactQueries = {
  list: (filters: ContactListFilters) =>
    queryOptions({
      queryKey: queryKeys.contacts.list(filters),
      queryFn: async () => unwrap(await api.contacts.$get({ query: toQuery(filters) })),
    }),
};

export type ContactPatch = {
  name?: string;
  title?: string | null;
  email?: string | null;
  roles?: import("@keel/domain").ContactRole[];
  instanceAdmin?: boolean;
};

/** Mutations: each names the version it edits (If-Match). */
export const contactMutations = {
  update: async ({ id, version, patch }: { id: string; version: number; patch: ContactPatch }) =>
    unwrap(
      await api.contacts[":id"].$patch({
        param: { id },
        header: { "if-match": `"${version}"` },
        json: patch,
      }),
    ),
};

/** Health (H-3…H-6): current score with breakdown, history (trend), time travel, category changes. */
export const healthQueries = {
  account: (id: string) =>
    queryOptions({
      queryKey: queryKeys.health.account(id),
      queryFn: async () => unwrap(await api.accounts[":id"].health.$get({ param: { id } })),
    }),
  history: (id: string, range: HealthHistoryRange = {}) =>
    queryOptions({
      queryKey: queryKeys.health.history(id, range),
      queryFn: async () =>
        unwrap(await api.accounts[":id"].health.history.$get({ param: { id }, query: toQuery(range) })),
    }),
  asOf: (id: string, date: string, policyVersion?: number) =>
    queryOptions({
      queryKey: queryKeys.health.asOf(id, date, policyVersion),
      queryFn: async () =>
        unwrap(
          await api.accounts[":id"].health["as-of"].$get({
            param: { id },
            query: { date, ...(policyVersion !== undefined && { policyVersion: String(policyVersion) }) },
          }),
        ),
    }),
  categoryChanges: (filters: CategoryChangeFilters) =>
    queryOptions({
      queryKey: queryKeys.health.categoryChanges(filters),
      queryFn: async () => unwrap(await api.health["category-changes"].$get({ query: toQuery(filters) })),
    }),
};

export type ManualTraitsPatch = {
  taPulse?: Pulse | null;
  activeChampion?: boolean | null;
  buyerAccess?: boolean | null;
};

export const healthMutations = {
  /**
   * Set manual traits; `version` is `manualTraits.version` from the health answer (If-Match).
   * Answers the recomputed health: put it in the cache and invalidate the account's lists.
   */
  setTraits: async ({
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
        header: { "if-match": `"${version}"` },
        json: patch,
      }),
    ),
};

/** Health policies (H-1, X-2, X-3, X-8). */
export const policyQueries = {
  list: () =>
    queryOptions({
      queryKey: queryKeys.policies.list(),
      queryFn: async () => unwrap(await api.health.policies.$get()),
    }),
  detail: (version: number) =>
    queryOptions({
      queryKey: queryKeys.policies.detail(version),
      queryFn: async () =>
        unwrap(await api.health.policies[":version"].$get({ param: { version: String(version) } })),
    }),
};

export const policyMutations = {
  createDraft: async (draft: HealthPolicyDraft) => unwrap(await api.health.policies.$post({ json: draft })),
  /** `revision` is the draft's `revision` (If-Match). */
  updateDraft: async ({
    version,
    revision,
    draft,
  }: {
    version: number;
    revision: number;
    draft: HealthPolicyDraft;
  }) =>
    unwrap(
      await api.health.policies[":version"].$put({
        param: { version: String(version) },
        header: { "if-match": `"${revision}"` },
        json: draft,
      }),
    ),
  /** What-if over the whole book; pass `draft` to preview unsaved edits. Writes nothing. */
  preview: async ({
    version,
    draft,
    limit,
  }: {
    version: number;
    draft?: HealthPolicyDraft;
    limit?: number;
  }) =>
    unwrap(
      await api.health.policies[":version"].preview.$post({
        param: { version: String(version) },
        query: limit === undefined ? {} : { limit: String(limit) },
        json: draft ? { policy: draft } : {},
      }),
    ),
  /** Publish (admin): in force from today; the whole book is rescored (see `recompute.status`). */
  publish: async (version: number) =>
    unwrap(await api.health.policies[":version"].publish.$post({ param: { version: String(version) } })),
  export: async (version: number) =>
    unwrap(await api.health.policies[":version"].export.$get({ param: { version: String(version) } })),
  import: async (document: HealthPolicyDocument) =>
    unwrap(await api.health.policies.import.$post({ json: document })),
};

/** API keys for the ingestion feeds (admin). */
export const apiKeyQueries = {
  list: () =>
    queryOptions({
      queryKey: queryKeys.apiKeys.all,
      queryFn: async () => unwrap(await api["api-keys"].$get()),
    }),
};

export const apiKeyMutations = {
  /** The answer's `key` is shown once; only its hash is stored. */
  create: async (input: { name: string; scopes: ApiKeyScope[] }) =>
    unwrap(await api["api-keys"].$post({ json: input })),
  revoke: async (id: string) => unwrap(await api["api-keys"][":id"].$delete({ param: { id } })),
};

/** What a query from one of the factories above resolves to (for typing rows, props). */
export type QueryData<Options extends { queryFn?: unknown }> = Awaited<
  ReturnType<Extract<NonNullable<Options["queryFn"]>, (...args: never[]) => unknown>>
>;
