import { authApi, meQuery, queryKeys } from "@keel/client";
import { Button, ErrorState, Skeleton } from "@keel/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { SignInForm } from "../session/SignInForm.tsx";
import { shellOrigin } from "./shell-link.ts";
import "./standalone.css";

/**
 * The frame of a remote opened on its own (/apps/<name>/): the session check, a sign-in form
 * when signed out, and a small header. In the shell none of this renders: the shell has it.
 */
export function StandaloneApp({ appName, children }: { appName: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    document.title = `${appName} · Keel`;
  }, [appName]);

  const signIn = async (email: string, password: string) => {
    await authApi.signIn(email, password);
    const session = await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
    if (!session) {
      throw new Error("Signed in, but the session was not kept. Allow cookies for this site and try again.");
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    try {
      await authApi.signOut();
    } finally {
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
      setSigningOut(false);
    }
  };

  if (me.isPending) {
    return (
      <div className="standalone-boot">
        <Skeleton lines={4} label="Checking your session…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="standalone-boot">
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
    return (
      <main className="standalone-signin">
        <p className="keel-brand" aria-hidden="true">
          <span className="keel-brand__mark">K</span> Keel {appName}
        </p>
        <h1>Sign in to {appName}</h1>
        <p className="standalone-signin__lead">
          Use your Keel account. Demo people use the password <code>keel-demo</code>, e.g.{" "}
          <code>ta@keel.test</code>.
        </p>
        <SignInForm onSignIn={signIn} />
        <p className="standalone-signin__shell">
          Or <a href={`${shellOrigin}/`}>open the full Keel workspace</a>.
        </p>
      </main>
    );
  }

  return (
    <div className="standalone">
      <header className="keel-app-header">
        <div className="keel-app-header__inner">
          <a className="keel-brand" href={`${shellOrigin}/`} title="Open the Keel workspace">
            <span className="keel-brand__mark" aria-hidden="true">
              K
            </span>
            Keel
          </a>
          <span className="standalone-header__app">{appName}</span>
          <div className="standalone-header__user">
            <span className="standalone-header__name" title={me.data.user.email}>
              {me.data.user.name}
            </span>
            <Button size="sm" onClick={() => void signOut()} loading={signingOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main className="standalone-main">{children}</main>
    </div>
  );
}
