import { documentMutations, documentQueries, isApiRequestError } from "@keel/client";
import { DocumentEditor, EmptyState, ErrorState, Skeleton, SourceTag } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";

/** M-2: one document, edited with If-Match; every version kept and viewable. */
export function DocumentPage() {
  const { documentId = "" } = useParams();
  const queryClient = useQueryClient();
  const doc = useQuery(documentQueries.detail(documentId));
  const [viewing, setViewing] = useState<number | null>(null);
  const older = useQuery({
    ...documentQueries.version(documentId, viewing ?? 0),
    enabled: viewing !== null && viewing !== doc.data?.version,
  });
  useDocumentTitle(doc.data?.title ?? "Document");
  const save = useMutation(documentMutations.save(queryClient));
  const conflict =
    save.error && isApiRequestError(save.error) && save.error.status === 412
      ? { message: save.error.message }
      : null;

  if (doc.isPending)
    return (
      <div className="shell-page">
        <Skeleton variant="block" height="24rem" label="Loading the document…" />
      </div>
    );
  if (doc.isError) {
    const missing = isApiRequestError(doc.error) && (doc.error.status === 404 || doc.error.status === 400);
    return (
      <div className="shell-page">
        {missing ? (
          <EmptyState
            title="There is no document at this address"
            action={<Link to="/">Back to My book</Link>}
          />
        ) : (
          <ErrorState
            title="Could not load the document"
            message={doc.error.message}
            onRetry={() => void doc.refetch()}
          />
        )}
      </div>
    );
  }
  const current = doc.data;
  const shown =
    viewing !== null && viewing !== current.version && older.data
      ? { ...older.data, editedBy: older.data.editedBy?.name ?? null }
      : { ...current, editedBy: current.editedBy?.name ?? null };
  return (
    <div className="shell-page">
      <nav aria-label="Breadcrumb" className="shell-breadcrumb">
        <Link to={`/accounts/${current.accountId}#documents`}>{current.accountName}</Link>{" "}
        <span aria-hidden="true">/</span>
      </nav>
      <p className="shell-muted document-origin">
        From the {current.templateId} template (v{current.templateVersion}) ·{" "}
        <SourceTag origin={current.origin} />
      </p>
      <DocumentEditor
        document={shown}
        versions={current.versions.map((v) => ({ ...v, editedBy: v.editedBy?.name ?? null }))}
        onSelectVersion={(v) => setViewing(v === current.version ? null : v)}
        onSave={(draft) =>
          save.mutate(
            { id: current.id, version: current.version, document: draft },
            { onSuccess: () => setViewing(null) },
          )
        }
        saving={save.isPending}
        saveError={save.isError && !conflict ? save.error.message : null}
        conflict={conflict}
        onReload={() => {
          save.reset();
          void doc.refetch();
        }}
        headingLevel={2}
      />
    </div>
  );
}
