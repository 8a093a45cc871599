import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/accounts/AccountPage.tsx";
import { MyBookPage } from "../features/book/MyBookPage.tsx";
import { DocumentPage } from "../features/documents/DocumentPage.tsx";
import { HealthChangesPage } from "../features/health/HealthChangesPage.tsx";
import { PoliciesPage } from "../features/health/PoliciesPage.tsx";
import { ShellFrame } from "../features/layout/ShellFrame.tsx";
import { NotFoundPage } from "../features/not-found/NotFoundPage.tsx";
import { NotificationsPage } from "../features/notifications/NotificationsPage.tsx";
import { PlaybooksPage } from "../features/playbooks/PlaybooksPage.tsx";
import { CompliancePage } from "../features/recommendations/CompliancePage.tsx";
import { RemoteRoute } from "../features/remotes/RemoteRoute.tsx";
import { SignInPage } from "../features/session/SignInPage.tsx";
import { MyTasksPage } from "../features/tasks/MyTasksPage.tsx";

/**
 * Every route of the shell. The four team apps are federated remotes, loaded at run time; each
 * renders its own nested routes under its `/<name>/*` path.
 */
export function createAppRouter() {
  return createBrowserRouter([
    { path: "/signin", element: <SignInPage /> },
    {
      element: <ShellFrame />,
      children: [
        { index: true, element: <MyBookPage /> },
        { path: "accounts/:accountId", element: <AccountPage /> },
        { path: "health/changes", element: <HealthChangesPage /> },
        { path: "health/policies", element: <PoliciesPage /> },
        { path: "tasks", element: <MyTasksPage /> },
        { path: "documents/:documentId", element: <DocumentPage /> },
        { path: "playbooks", element: <PlaybooksPage /> },
        { path: "compliance", element: <CompliancePage /> },
        { path: "notifications", element: <NotificationsPage /> },
        { path: "renewals/*", element: <RemoteRoute name="renewals" /> },
        { path: "lighthouse/*", element: <RemoteRoute name="lighthouse" /> },
        { path: "adoption/*", element: <RemoteRoute name="adoption" /> },
        { path: "contacts/*", element: <RemoteRoute name="contacts" /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
