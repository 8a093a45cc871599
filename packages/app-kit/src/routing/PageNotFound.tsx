import { EmptyState } from "@keel/ui";
import { Link } from "react-router";

/** A team app's own "no such page", for a nested path it does not know (a stale link). */
export function PageNotFound({ appName, homeTo }: { appName: string; homeTo: string }) {
  return (
    <div className="keel-page-not-found">
      <h1>Page not found</h1>
      <EmptyState
        title={`${appName} has no page at this address`}
        message="The link may be old or mistyped."
        action={<Link to={homeTo}>Back to {appName}</Link>}
      />
    </div>
  );
}
