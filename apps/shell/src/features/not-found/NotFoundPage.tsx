import { EmptyState, PageHeader } from "@keel/ui";
import { Link, useLocation } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";

export function NotFoundPage() {
  const location = useLocation();
  useDocumentTitle("Page not found");
  return (
    <div className="shell-page">
      <PageHeader title="Page not found" />
      <div className="shell-panel">
        <EmptyState
          title={
            <>
              Nothing lives at <code>{location.pathname}</code>
            </>
          }
          message="The link may be old, or the address mistyped."
          action={<Link to="/">Go to My book</Link>}
        />
      </div>
    </div>
  );
}
