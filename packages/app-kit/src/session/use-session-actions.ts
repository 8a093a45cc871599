import { authApi, meQuery, queryKeys } from "@keel/client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** Whatever one user left in the cache is not the next one's to see: keep only the session. */
const notTheSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== "me";

/** Signs in and loads the session; rejects with the reason shown above the form's button. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return async (email: string, password: string) => {
    await authApi.signIn(email, password);
    queryClient.removeQueries({ predicate: notTheSession });
    const session = await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
    if (!session) {
      throw new Error("Signed in, but the session was not kept. Allow cookies for this site and try again.");
    }
  };
}

/**
 * Signs out and forgets everything cached for the user. `beforeForget` runs first, while the
 * user is still known: the shell leaves its signed-in pages there, or forgetting the user while
 * they are mounted would send them to sign in and "back" to the page they were on.
 */
export function useSignOut(beforeForget?: () => Promise<void> | void) {
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await authApi.signOut();
    } finally {
      try {
        await beforeForget?.();
      } finally {
        // Even if the request failed, this tab must not keep showing the user's data.
        queryClient.setQueryData(queryKeys.me, null);
        queryClient.removeQueries({ predicate: notTheSession });
        setSigningOut(false);
      }
    }
  };

  return { signOut, signingOut };
}
