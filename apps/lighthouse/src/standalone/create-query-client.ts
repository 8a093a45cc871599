import { ApiRequestError, queryKeys } from "@keel/client";
import { QueryCache, QueryClient } from "@tanstack/react-query";

/**
 * The standalone app's own QueryClient (main.tsx only). Mounted in the shell, the remote
 * uses the shell's client instead. Same policy as the shell: a 4xx is not retried.
 */
export function createStandaloneQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended: show the sign-in form again.
        if (error instanceof ApiRequestError && error.status === 401) {
          queryClient.setQueryData(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) &&
          failureCount < 2,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
