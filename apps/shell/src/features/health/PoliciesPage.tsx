import { useSession } from "@keel/app-kit";
import { type MutationData, policyMutations, policyQueries } from "@keel/client";
import {
  AsyncContent,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  DateText,
  PageHeader,
  Skeleton,
} from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { PolicyEditor } from "./PolicyEditor.tsx";
import { describeError, draftOf, type ErrorReport, type PolicyView } from "./policy-draft.ts";
import "./health.css";

type Published = MutationData<ReturnType<typeof policyMutations.publish>>;

/** Admin (H-1, X-2, X-3): health policy versions, a draft's editor and its what-if preview. */
export function PoliciesPage() {
  useDocumentTitle("Health policy");
  const { permissions } = useSession();
  const canPublish = permissions.includes("policy.publish");
  const queryClient = useQueryClient();
  const policies = useQuery(policyQueries.list());
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<ErrorReport | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const createDraft = useMutation(policyMutations.createDraft(queryClient));

  const items = (policies.data?.items ?? []) as PolicyView[];
  const inForce = items.find((item) => item.inForce);
  const latestDraft = [...items].reverse().find((item) => item.status === "draft");
  const current = items.find((item) => item.version === selected) ?? latestDraft ?? inForce;

  const newDraft = () => {
    if (!inForce) return;
    setError(null);
    setPublished(null);
    createDraft.mutate(draftOf(inForce.policy, `Draft from v${inForce.version}`), {
      onSuccess: (draft) => setSelected(draft.version),
      onError: (failure) => setError(describeError(failure)),
    });
  };

  const columns: DataTableColumn<PolicyView>[] = [
    {
      id: "version",
      header: "Version",
      cell: (item) => `v${item.version}`,
      sortValue: (item) => item.version,
    },
    {
      id: "name",
      header: "Name",
      cell: (item) => item.name,
      sortValue: (item) => item.name,
      filterValue: (item) => item.name,
    },
    {
      id: "status",
      header: "Status",
      cell: (item) =>
        item.inForce ? (
          <span className="keel-badge keel-health--green">In force</span>
        ) : item.status === "draft" ? (
          <span className="keel-badge">Draft</span>
        ) : (
          <span className="shell-muted">Published</span>
        ),
      sortValue: (item) => (item.inForce ? 0 : item.status === "draft" ? 1 : 2),
    },
    {
      id: "effectiveFrom",
      header: "Effective from",
      cell: (item) => <DateText value={item.effectiveFrom} fallback="Not published" />,
      sortValue: (item) => item.effectiveFrom,
    },
    {
      id: "open",
      header: "Actions",
      align: "end",
      cell: (item) =>
        item.version === current?.version ? (
          <span className="shell-muted">Open below</span>
        ) : (
          <Button size="sm" onClick={() => setSelected(item.version)}>
            {item.status === "draft" ? "Edit" : "View"}
          </Button>
        ),
    },
  ];

  return (
    <div className="shell-page">
      <PageHeader
        title="Health policy"
        description="Versions of the health score policy. Scores keep the version they were computed with; a draft is previewed over the whole book before it is published."
        actions={
          inForce && (
            <Button variant="primary" onClick={newDraft} loading={createDraft.isPending}>
              New draft from v{inForce.version}
            </Button>
          )
        }
      />

      {error && (
        <div className="policy-error" role="alert">
          <strong>{error.message}</strong>
          {error.details.length > 0 && (
            <ul>
              {error.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {published && (
        <p className="shell-note shell-note--success" role="status">
          Published v{published.policy.version}, in force from{" "}
          <DateText value={published.policy.effectiveFrom} />.{" "}
          {published.recompute.status === "done"
            ? `Rescored ${published.recompute.accounts.toLocaleString("en-US")} accounts: ${published.recompute.written.toLocaleString("en-US")} scores written, ${published.recompute.categoryChanges.toLocaleString("en-US")} category changes, in ${Math.round(published.recompute.durationMs)} ms.`
            : "A rescore was already running elsewhere; it runs again with this policy."}
        </p>
      )}

      <DataTable
        caption="Policy versions"
        rowNoun={{ one: "version", other: "versions" }}
        columns={columns}
        rows={items}
        getRowId={(item) => String(item.version)}
        defaultSort={{ columnId: "version", direction: "desc" }}
        filterable={false}
        loading={policies.isPending}
        error={policies.error}
        errorTitle="Could not load the policies"
        onRetry={() => void policies.refetch()}
        emptyMessage="No policy versions yet"
      />

      <AsyncContent
        // No refetch: the versions table above offers the one Retry.
        query={{ data: policies.data, error: policies.error, isPending: policies.isPending }}
        loading={<Skeleton variant="block" height="20rem" label="Loading the policy…" />}
        errorTitle="Could not load the policy"
        isEmpty={() => !current}
        emptyTitle="No policy yet"
        emptyMessage="The API has no health policy version."
      >
        {() =>
          current && (
            <Card
              title={`v${current.version} · ${current.name}${current.status === "draft" ? " (draft)" : current.inForce ? " (in force)" : ""}`}
            >
              {current.status !== "draft" && (
                <p className="shell-muted">Published versions do not change. Start a new draft to edit.</p>
              )}
              <PolicyEditor
                key={current.version}
                view={current}
                canPublish={canPublish}
                onPublished={(result) => {
                  setPublished(result);
                  setSelected(result.policy.version);
                }}
              />
            </Card>
          )
        }
      </AsyncContent>
    </div>
  );
}
