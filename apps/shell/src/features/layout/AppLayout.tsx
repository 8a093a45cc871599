import { Button } from "@keel/ui";
import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { NotificationsMenu } from "../notifications/NotificationsMenu.tsx";
import { useSession } from "../session/session-context.ts";
import { useSignOut } from "../session/use-sign-out.ts";

const navigation: ReadonlyArray<{ to: string; label: string; end: boolean; permission?: string }> = [
  { to: "/", label: "My book", end: true },
  { to: "/tasks", label: "My tasks", end: false },
  { to: "/health/changes", label: "Health changes", end: false },
  { to: "/renewals", label: "Renewals", end: false },
  { to: "/lighthouse", label: "Lighthouse", end: false },
  { to: "/adoption", label: "Adoption", end: false },
  { to: "/contacts", label: "Contacts", end: false },
  { to: "/compliance", label: "Compliance", end: false, permission: "report.viewTeam" },
  { to: "/playbooks", label: "Playbooks", end: false },
  { to: "/health/policies", label: "Health policy", end: false, permission: "policy.editDraft" },
];

export function AppLayout({ children }: { children: ReactNode }) {
  const { user, permissions } = useSession();
  const { signOut, signingOut } = useSignOut();

  return (
    <div className="shell">
      <a className="shell-skip-link" href="#main">
        Skip to content
      </a>
      <header className="keel-app-header shell-header">
        <div className="keel-app-header__inner">
          <Link to="/" className="keel-brand">
            <span className="keel-brand__mark" aria-hidden="true">
              K
            </span>
            Keel
          </Link>
          <nav aria-label="Main" className="shell-nav">
            <ul>
              {navigation
                .filter((item) => !item.permission || permissions.includes(item.permission))
                .map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="shell-nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="shell-user">
            <NotificationsMenu />
            <span className="shell-user__name" title={user.email}>
              {user.name}
            </span>
            <Button size="sm" onClick={() => void signOut()} loading={signingOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
