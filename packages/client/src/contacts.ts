import type { ContactRole } from "@keel/domain";
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { invalidate } from "./cache.ts";
import { api, ifMatch, toQuery, unwrap } from "./http.ts";

export type ContactListFilters = {
  missingRoles?: boolean;
  ta?: string;
  accountId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export type ContactPatch = {
  name?: string;
  title?: string | null;
  email?: string | null;
  roles?: ContactRole[];
  instanceAdmin?: boolean;
};

/** Cross-account contact lists (C-4 backlog); one account's contacts sit under the account. */
export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactKeys.all, "list"] as const,
  list: (filters: ContactListFilters) => [...contactKeys.lists(), filters] as const,
};

export const contactQueries = {
  list: (filters: ContactListFilters) =>
    queryOptions({
      queryKey: contactKeys.list(filters),
      queryFn: async () => unwrap(await api.contacts.$get({ query: toQuery(filters) })),
    }),
};

export const contactMutations = {
  /**
   * Edit a contact (C-1 roles, C-2 instance admin); `version` is the contact's (If-Match).
   * Invalidates every contact list and the contact's account.
   */
  update: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: ContactPatch }) =>
        unwrap(await api.contacts[":id"].$patch({ param: { id }, header: ifMatch(version), json: patch })),
      onSuccess: (saved) => invalidate(queryClient, [contactKeys.all, accountKeys.detail(saved.accountId)]),
    }),
};
