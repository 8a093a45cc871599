import { isApiRequestError, queryKeys } from "@keel/client";
import { QueryCache, QueryClient } from "@tanstack/react-query";

/** A 4xx will not change on a second try (bad input, no access, not found): show it at once. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiRequestError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The shell's one QueryClient: remotes mounted in the shell use it too (STYLE.md "Frontend"). */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended (expired, signed out in another tab): forget the user, and the
        // session guard sends them to the sign-in page and back here afterwards.
        if (isApiRequestError(error) && error.status === 401) {
          queryClient.setQueryData(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
