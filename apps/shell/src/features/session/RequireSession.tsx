import { meQuery } from "@keel/client";
import { ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { SessionContext } from "./session-context.ts";
import { signInPath } from "./sign-in-path.ts";

/** Renders its children for a signed-in user; sends anyone else to sign in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  const location = useLocation();

  if (me.isPending) {
    return (
      <div className="shell-boot">
        <Skeleton lines={4} label="Checking your session…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="shell-boot">
        <ErrorState
          title="Keel could not check your session"
          message={me.error.message}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </div>
    );
  }
  if (!me.data) {
    return <Navigate to={signInPath(location.pathname + location.search + location.hash)} replace />;
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
