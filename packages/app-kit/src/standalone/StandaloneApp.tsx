import { type ReactNode, useEffect } from "react";
import { SessionFrame } from "../session/SessionFrame.tsx";
import { SignInForm } from "../session/SignInForm.tsx";
import { useSignIn } from "../session/use-session-actions.ts";
import { shellOrigin } from "./shell-link.ts";
import "./standalone.css";

/**
 * A team app opened on its own (/apps/<name>/): the shared session frame, with a sign-in form
 * in place when signed out. main.tsx puts it inside a router whose basename is /apps/<name>;
 * in the shell none of this renders: the shell has its own frame.
 */
export function StandaloneApp({ appName, children }: { appName: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${appName} · Keel`;
  }, [appName]);

  return (
    <SessionFrame
      brandHref={`${shellOrigin}/`}
      appName={appName}
      signedOut={<StandaloneSignIn appName={appName} />}
    >
      {children}
    </SessionFrame>
  );
}

function StandaloneSignIn({ appName }: { appName: string }) {
  const signIn = useSignIn();
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
