import type { AccountSort, LifecycleStage, Segment, UserRole } from "@keel/domain";
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
