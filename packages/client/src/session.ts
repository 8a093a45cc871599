import { queryOptions } from "@tanstack/react-query";
import { ApiRequestError, api, unwrap } from "./http.ts";

/** The signed-in user: its own root, kept when everything else is dropped at sign-out. */
export const sessionKeys = {
  me: ["me"] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: sessionKeys.me,
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
