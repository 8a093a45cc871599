import { EmptyState } from "@keel/ui";
import { Link, useLocation } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";

export function NotFoundPage() {
  const location = useLocation();
  useDocumentTitle("Page not found");
  return (
    <div className="shell-page">
      <header className="shell-page__header">
        <h1>Page not found</h1>
      </header>
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
