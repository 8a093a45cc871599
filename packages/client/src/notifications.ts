import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { invalidate } from "./cache.ts";
import { api, toQuery, unwrap } from "./http.ts";

export type NotificationFilters = { unread?: boolean; page?: number; pageSize?: number };

/** The signed-in user's notification feed and its unread count. */
export const notificationKeys = {
  all: ["notifications"] as const,
  lists: () => [...notificationKeys.all, "list"] as const,
  list: (filters: NotificationFilters) => [...notificationKeys.lists(), filters] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
};

export const notificationQueries = {
  list: (filters: NotificationFilters = {}) =>
    queryOptions({
      queryKey: notificationKeys.list(filters),
      queryFn: async () => unwrap(await api.notifications.$get({ query: toQuery(filters) })),
    }),
  unreadCount: () =>
    queryOptions({
      queryKey: notificationKeys.unreadCount(),
      queryFn: async () => unwrap(await api.notifications["unread-count"].$get()),
      refetchInterval: 60_000,
    }),
};

/** Both invalidate the feed and the count when settled: a failed read may mean it changed meanwhile. */
export const notificationMutations = {
  read: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async (id: number) =>
        unwrap(await api.notifications[":id"].read.$post({ param: { id: String(id) } })),
      onSettled: () => invalidate(queryClient, [notificationKeys.all]),
    }),
  readAll: (queryClient: QueryClient) =>
    mutationOptions({
      mutationFn: async () => unwrap(await api.notifications["read-all"].$post()),
      onSettled: () => invalidate(queryClient, [notificationKeys.all]),
    }),
};
