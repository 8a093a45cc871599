import type { WriteFailure } from "@keel/app-kit";
import { Button } from "@keel/ui";

export { describeWriteError, type WriteFailure } from "@keel/app-kit";

/** The form's notice for a refused write; a stale write offers to reload. */
export function WriteErrorNotice({ failure, onReload }: { failure: WriteFailure; onReload: () => void }) {
  return (
    <div role="alert" className="renewals-notice renewals-notice--error">
      <p>{failure.message}</p>
      {failure.kind === "invalid" && Object.keys(failure.fields).length > 0 && (
        <ul className="renewals-list">
          {Object.entries(failure.fields).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
      {(failure.kind === "stale" || failure.kind === "conflict") && (
        <Button size="sm" onClick={onReload}>
          Reload
        </Button>
      )}
    </div>
  );
}
