import { meQuery } from "@keel/client";
import { Button, ErrorState, Skeleton } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { SessionContext } from "./session-context.ts";
import { useSignOut } from "./use-session-actions.ts";
import "./session-frame.css";

export interface SessionFrameProps {
  /** Where the brand leads: "/" in the shell; the shell's absolute URL from a standalone app. */
  brandHref: string;
  /** A team app opened on its own names itself next to the brand. */
  appName?: string;
  /** The main navigation (the shell's). */
  navigation?: ReactNode;
  /** Controls before the user's name: search, notifications. */
  actions?: ReactNode;
  /** What someone without a session sees: the shell redirects, a standalone app shows a form. */
  signedOut: ReactNode;
  /** Runs on "Sign out" before the user is forgotten (see `useSignOut`). */
  beforeForget?: () => Promise<void> | void;
  children: ReactNode;
}

/**
 * The one frame of every Keel web app, the shell and each team app opened on its own: the
 * session check (loading, error with retry, signed out), the header with the user and "Sign
 * out", and the page's main region. Inside it `useSession()` answers.
 */
export function SessionFrame({
  brandHref,
  appName,
  navigation,
  actions,
  signedOut,
  beforeForget,
  children,
}: SessionFrameProps) {
  const me = useQuery(meQuery());
  const { signOut, signingOut } = useSignOut(beforeForget);

  if (me.isPending) {
    return (
      <div className="keel-frame-boot">
        <Skeleton lines={4} label="Checking your session…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="keel-frame-boot">
        <ErrorState
          title="Keel could not check your session"
          message={me.error.message}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </div>
    );
  }
  if (!me.data) return <>{signedOut}</>;

  const { user } = me.data;
  return (
    <SessionContext.Provider value={me.data}>
      <div className="keel-frame">
        <a className="keel-frame__skip-link" href="#main">
          Skip to content
        </a>
        <header className="keel-app-header keel-frame__header">
          <div className="keel-app-header__inner">
            <Link
              to={brandHref}
              className="keel-brand"
              title={appName ? "Open the Keel workspace" : undefined}
            >
              <span className="keel-brand__mark" aria-hidden="true">
                K
              </span>
              Keel
            </Link>
            {appName && <span className="keel-frame__app">{appName}</span>}
            {navigation}
            <div className="keel-frame__user">
              {actions}
              <span className="keel-frame__name" title={user.email}>
                {user.name}
              </span>
              <Button size="sm" onClick={() => void signOut()} loading={signingOut}>
                Sign out
              </Button>
            </div>
          </div>
        </header>
        <main id="main" className="keel-frame__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </SessionContext.Provider>
  );
}
