import type { UserRole } from "@keel/domain";
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./http.ts";

/** People to pick from (assignees, team seats), optionally of one role. */
export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (role?: UserRole) => [...userKeys.lists(), role ?? "all"] as const,
};

export const usersQuery = (role?: UserRole) =>
  queryOptions({
    queryKey: userKeys.list(role),
    queryFn: async () => unwrap(await api.users.$get({ query: role ? { role } : {} })),
    staleTime: 5 * 60_000,
  });
