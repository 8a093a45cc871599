import { SignInForm, useSignIn } from "@keel/app-kit";
import { meQuery } from "@keel/client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { returnPathFrom } from "./sign-in-path.ts";

/** Seeded people (packages/db demo users), one per role of SPEC §1. */
const demoAccounts = [
  { email: "ta@keel.test", role: "Technical Advisor" },
  { email: "manager@keel.test", role: "TA leadership" },
  { email: "ae@keel.test", role: "Account Executive" },
  { email: "ce@keel.test", role: "Customer Engineer" },
  { email: "exec@keel.test", role: "Executive" },
  { email: "admin@keel.test", role: "Operations admin" },
];

export function SignInPage() {
  useDocumentTitle("Sign in");
  const signInAndLoad = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = returnPathFrom(location.search);
  const me = useQuery(meQuery());

  // Right after "Sign out" the cache still holds the user for a moment: stay on this page.
  const justSignedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  useEffect(() => {
    // Once the user is forgotten, drop the marker so a reload behaves like any visit.
    if (justSignedOut && me.data === null) {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }
  }, [justSignedOut, me.data, navigate, location.pathname, location.search]);

  if (me.data && !justSignedOut) return <Navigate to={returnTo} replace />;

  const signIn = async (email: string, password: string) => {
    await signInAndLoad(email, password);
    navigate(returnTo, { replace: true });
  };

  return (
    <main className="signin">
      <div className="signin__panel">
        <p className="signin__brand" aria-hidden="true">
          <span className="keel-brand__mark">K</span> Keel
        </p>
        <h1 className="signin__title">Sign in to Keel</h1>
        <p className="signin__lead">The workspace for Technical Advisors and their account teams.</p>
        <SignInForm onSignIn={signIn} />
      </div>
      <aside className="signin__demo" aria-labelledby="demo-accounts-title">
        <h2 id="demo-accounts-title">Demo accounts</h2>
        <p>
          Every demo person uses the password <code>keel-demo</code>.
        </p>
        <ul>
          {demoAccounts.map((account) => (
            <li key={account.email}>
              <code>{account.email}</code> <span>{account.role}</span>
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
