import { documentMutations, documentQueries, type QueryData, templateQueries } from "@keel/client";
import { Button, Card, DataTable, type DataTableColumn, DateText, Select, SourceTag } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

type DocumentRow = QueryData<ReturnType<typeof documentQueries.account>>[number];

const columns: DataTableColumn<DocumentRow>[] = [
  {
    id: "title",
    header: "Document",
    cell: (d) => <Link to={`/documents/${d.id}`}>{d.title}</Link>,
    sortValue: (d) => d.title,
    rowHeader: true,
  },
  {
    id: "owner",
    header: "Owner",
    cell: (d) => d.owner?.name ?? "Nobody yet",
    sortValue: (d) => d.owner?.name ?? "",
  },
  { id: "source", header: "Source", cell: (d) => <SourceTag origin={d.origin} /> },
  {
    id: "version",
    header: "Version",
    cell: (d) => `v${d.version}`,
    sortValue: (d) => d.version,
    align: "end",
  },
  {
    id: "updated",
    header: "Updated",
    cell: (d) => <DateText value={d.updatedAt} />,
    sortValue: (d) => d.updatedAt,
  },
];

/** M-2 on the account page: the account's documents and "new document from a template". */
export function AccountDocumentsCard({ accountId, canCreate }: { accountId: string; canCreate: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const documents = useQuery(documentQueries.account(accountId));
  const templates = useQuery({ ...templateQueries.list(), enabled: canCreate });
  const [templateId, setTemplateId] = useState("");
  const create = useMutation(documentMutations.create(queryClient));
  return (
    <Card
      title="Documents"
      id="documents"
      flush
      actions={
        canCreate && (
          <form
            className="document-create"
            onSubmit={(e) => {
              e.preventDefault();
              if (templateId)
                create.mutate(
                  { accountId, templateId },
                  { onSuccess: (doc) => navigate(`/documents/${doc.id}`) },
                );
            }}
          >
            <Select
              label="Template"
              placeholder="Choose a template"
              options={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={templateId}
              onValueChange={setTemplateId}
            />
            <Button type="submit" size="sm" loading={create.isPending} disabled={!templateId}>
              New document
            </Button>
            {create.isError && (
              <span role="alert" className="shell-error-text">
                {create.error.message}
              </span>
            )}
          </form>
        )
      }
    >
      <DataTable
        caption="Documents"
        columns={columns}
        rows={documents.data ?? []}
        getRowId={(d) => d.id}
        rowNoun={{ one: "document", other: "documents" }}
        defaultSort={{ columnId: "updated", direction: "desc" }}
        loading={documents.isPending}
        error={documents.error}
        onRetry={() => void documents.refetch()}
        emptyMessage="No documents on this account yet"
      />
    </Card>
  );
}
