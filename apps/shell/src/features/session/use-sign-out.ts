import { authApi, queryKeys } from "@keel/client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";

/** Router state that tells the sign-in page the user just left (so it shows the form). */
export const SIGNED_OUT_STATE = { signedOut: true } as const;

/** Signs out, forgets everything cached for this user and shows the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await authApi.signOut();
    } finally {
      // Leave the signed-in pages first: forgetting the user while they are still mounted
      // would make the session guard send them to sign in and "back" to this page.
      await navigate("/signin", { replace: true, state: SIGNED_OUT_STATE });
      // Even if the request failed, this tab must not keep showing the user's data.
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
    }
  };

  return { signOut, signingOut };
}
