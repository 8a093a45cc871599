import { createBrowserRouter, Outlet } from "react-router";
import { AccountPage } from "../features/accounts/AccountPage.tsx";
import { MyBookPage } from "../features/book/MyBookPage.tsx";
import { DocumentPage } from "../features/documents/DocumentPage.tsx";
import { HealthChangesPage } from "../features/health/HealthChangesPage.tsx";
import { PoliciesPage } from "../features/health/PoliciesPage.tsx";
import { AppLayout } from "../features/layout/AppLayout.tsx";
import { NotFoundPage } from "../features/not-found/NotFoundPage.tsx";
import { PlaybooksPage } from "../features/playbooks/PlaybooksPage.tsx";
import { CompliancePage } from "../features/recommendations/CompliancePage.tsx";
import { RemoteRoute } from "../features/remotes/RemoteRoute.tsx";
import { RequireSession } from "../features/session/RequireSession.tsx";
import { SignInPage } from "../features/session/SignInPage.tsx";
import { MyTasksPage } from "../features/tasks/MyTasksPage.tsx";

/** Every route of the shell. The four team apps are federated remotes, loaded at run time. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: "/signin", element: <SignInPage /> },
    {
      element: (
        <RequireSession>
          <AppLayout>
            <Outlet />
          </AppLayout>
        </RequireSession>
      ),
      children: [
        { index: true, element: <MyBookPage /> },
        { path: "accounts/:accountId", element: <AccountPage /> },
        { path: "health/changes", element: <HealthChangesPage /> },
        { path: "health/policies", element: <PoliciesPage /> },
        { path: "tasks", element: <MyTasksPage /> },
        { path: "documents/:documentId", element: <DocumentPage /> },
        { path: "playbooks", element: <PlaybooksPage /> },
        { path: "compliance", element: <CompliancePage /> },
        { path: "renewals/*", element: <RemoteRoute name="renewals" /> },
        { path: "lighthouse/*", element: <RemoteRoute name="lighthouse" /> },
        { path: "adoption/*", element: <RemoteRoute name="adoption" /> },
        { path: "contacts/*", element: <RemoteRoute name="contacts" /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
