import { useSession } from "@keel/app-kit";
import {
  type DryRunFilters,
  isApiRequestError,
  playbookMutations,
  playbookQueries,
  type QueryData,
} from "@keel/client";
import type { PlaybookTrigger } from "@keel/domain";
import { Button, Card, DataTable, type DataTableColumn, Field, PageHeader, Tabs, TextInput } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import { Link } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";

function describeTrigger(trigger: PlaybookTrigger): string {
  switch (trigger.kind) {
    case "date":
      return `${trigger.anchor} ${trigger.offsetDays >= 0 ? "+" : ""}${trigger.offsetDays} days`;
    case "schedule":
      return `monthly, day ${trigger.dayOfMonth}`;
    case "event": {
      const e = trigger.event;
      if (e.type === "traitCrossed") return `${e.trait} crosses ${e.op} ${e.value}`;
      if (e.type === "fieldSet") return `${e.field} set`;
      if (e.type === "stageChanged") return `stage changes${e.to ? ` to ${e.to}` : ""}`;
      if (e.type === "healthCategoryChanged") return `health changes${e.to ? ` to ${e.to.join("/")}` : ""}`;
      return "account created";
    }
  }
}

type PlaybookRow = QueryData<ReturnType<typeof playbookQueries.list>>["items"][number];
type DryRunRow = QueryData<ReturnType<typeof playbookQueries.dryRun>>["items"][number];

const playbookColumns: DataTableColumn<PlaybookRow>[] = [
  { id: "name", header: "Playbook", cell: (p) => p.name, sortValue: (p) => p.name, rowHeader: true },
  {
    id: "rule",
    header: "Rule",
    cell: (p) => <span className="keel-badge">{p.ruleId}</span>,
    sortValue: (p) => p.ruleId,
  },
  {
    id: "triggers",
    header: "When",
    cell: (p) => p.triggers.map(describeTrigger).join("; "),
    filterValue: (p) => p.triggers.map(describeTrigger).join(" "),
  },
  { id: "actions", header: "Actions", cell: (p) => p.actions.map((a) => a.type).join(", "), align: "start" },
  {
    id: "version",
    header: "Version",
    cell: (p) => `v${p.version} (${p.versions})`,
    sortValue: (p) => p.version,
    align: "end",
  },
  {
    id: "enabled",
    header: "On",
    cell: (p) => (p.enabled ? "Yes" : "Paused"),
    sortValue: (p) => (p.enabled ? 1 : 0),
  },
];

const dryRunColumns: DataTableColumn<DryRunRow>[] = [
  {
    id: "account",
    header: "Account",
    cell: (r) => <Link to={`/accounts/${r.accountId}`}>{r.accountName}</Link>,
    sortValue: (r) => r.accountName,
    filterValue: (r) => r.accountName,
    rowHeader: true,
  },
  {
    id: "rule",
    header: "Rule",
    cell: (r) => <span className="keel-badge">{r.ruleId}</span>,
    sortValue: (r) => r.ruleId,
  },
  { id: "action", header: "Would do", cell: (r) => r.summary, filterValue: (r) => r.summary },
  {
    id: "why",
    header: "Why",
    cell: (r) => <span className="shell-muted">{r.reason}</span>,
    filterValue: (r) => r.reason,
  },
  {
    id: "status",
    header: "Status",
    cell: (r) => (r.alreadyFired ? "Already done" : "Fires"),
    sortValue: (r) => (r.alreadyFired ? 1 : 0),
  },
];

function DryRunPanel({ canSeeBook }: { canSeeBook: boolean }) {
  const [filters, setFilters] = useState<DryRunFilters>({ scope: canSeeBook ? "book" : "mine" });
  const plan = useQuery(playbookQueries.dryRun(filters));
  return (
    <div className="playbooks-dry-run">
      <form className="shell-filters" onSubmit={(e) => e.preventDefault()}>
        {canSeeBook && (
          <Field label="Accounts">
            {(props) => (
              <select
                {...props}
                value={filters.scope}
                onChange={(e) => setFilters({ ...filters, scope: e.target.value as "mine" | "book" })}
              >
                <option value="book">The whole book</option>
                <option value="mine">Accounts where I hold a seat</option>
              </select>
            )}
          </Field>
        )}
        <TextInput
          label="As of"
          hint="Another day shows what its date triggers would do"
          type="date"
          value={filters.date ?? ""}
          onChange={(e: ChangeEvent<HTMLInputElement>) =>
            setFilters({ ...filters, date: e.target.value || undefined })
          }
        />
        <label className="shell-checkbox">
          <input
            type="checkbox"
            checked={filters.includeFired ?? false}
            onChange={(e) => setFilters({ ...filters, includeFired: e.target.checked })}
          />{" "}
          Include what already fired
        </label>
      </form>
      {plan.data && (
        <p className="shell-muted" aria-live="polite">
          {plan.data.accounts} accounts evaluated for {plan.data.today}: {plan.data.items.length} action
          {plan.data.items.length === 1 ? "" : "s"}, {plan.data.stageChanges.length} stage change
          {plan.data.stageChanges.length === 1 ? "" : "s"}.
        </p>
      )}
      <DataTable
        caption="What would fire, and why"
        columns={dryRunColumns}
        rows={plan.data?.items ?? []}
        getRowId={(r) => r.occurrenceKey}
        rowNoun={{ one: "action", other: "actions" }}
        loading={plan.isPending}
        error={plan.error}
        onRetry={() => void plan.refetch()}
        filterable
        filterPlaceholder="Filter by account, action or reason"
        emptyMessage="Nothing fires for these accounts on this day."
      />
      {plan.data && plan.data.stageChanges.length > 0 && (
        <Card title="Stage changes it would record" headingLevel={3}>
          <ul className="playbooks-stage-changes">
            {plan.data.stageChanges.map((s) => (
              <li key={s.accountId}>
                <Link to={`/accounts/${s.accountId}`}>{s.accountName}</Link>: {s.from} → {s.to} ({s.ruleId}) —{" "}
                <span className="shell-muted">{s.reason}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function ExportImportPanel() {
  const queryClient = useQueryClient();
  const [fileError, setFileError] = useState<string | null>(null);
  const exported = useMutation(playbookMutations.export());
  const download = (file: unknown) => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `keel-playbooks-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const imported = useMutation(playbookMutations.import(queryClient));
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setFileError(null);
    imported.reset();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setFileError(`${file.name} is not JSON`);
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      setFileError(`${file.name} is not a Keel playbooks file (expected a JSON object)`);
      return;
    }
    imported.mutate(parsed as Record<string, unknown>);
  };
  const details =
    imported.error && isApiRequestError(imported.error) && Array.isArray(imported.error.details)
      ? (imported.error.details as { path: string; message: string }[])
      : [];
  return (
    <div className="playbooks-transfer">
      <p>
        Playbooks and templates as one versioned JSON file (X-8), to review like code. Importing adds a new
        version of each playbook or template that changed; nothing is overwritten, and a file with any error
        is not imported at all.
      </p>
      <div className="shell-actions">
        <Button
          onClick={() => exported.mutate(undefined, { onSuccess: download })}
          loading={exported.isPending}
        >
          Download export
        </Button>
        <label className="keel-button keel-button--secondary">
          Import a file…
          <input
            type="file"
            accept="application/json,.json"
            className="keel-visually-hidden"
            onChange={onFile}
          />
        </label>
      </div>
      {fileError && (
        <p role="alert" className="shell-error-text">
          {fileError}
        </p>
      )}
      {imported.isError && (
        <div role="alert" className="shell-error-text">
          <p>{imported.error.message}</p>
          {details.length > 0 && (
            <ul>
              {details.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  <code>{d.path}</code>: {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {imported.data && (
        <p role="status">
          Imported: {imported.data.playbooks.added.length} playbook version(s) added,{" "}
          {imported.data.playbooks.unchanged.length} unchanged; {imported.data.documentTemplates.added.length}{" "}
          document template version(s) added, {imported.data.projectTemplates.added.length} project template
          version(s) added.
        </p>
      )}
    </div>
  );
}

/** The playbooks that run, what they would do today (X-1 dry run), and X-8 export/import. */
export function PlaybooksPage() {
  useDocumentTitle("Playbooks");
  const { permissions } = useSession();
  const playbooks = useQuery(playbookQueries.list());
  const canManage = permissions.includes("playbook.manage");
  return (
    <div className="shell-page">
      <PageHeader title="Playbooks" />
      <Tabs
        label="Playbooks"
        tabs={[
          {
            id: "dry-run",
            label: "What fires today",
            panel: <DryRunPanel canSeeBook={permissions.includes("report.viewTeam")} />,
          },
          {
            id: "playbooks",
            label: "Playbooks",
            count: playbooks.data?.items.length,
            panel: (
              <DataTable
                caption="Playbooks (newest versions)"
                columns={playbookColumns}
                rows={playbooks.data?.items ?? []}
                getRowId={(p) => p.id}
                rowNoun={{ one: "playbook", other: "playbooks" }}
                loading={playbooks.isPending}
                error={playbooks.error}
                onRetry={() => void playbooks.refetch()}
                filterable
              />
            ),
          },
          ...(canManage ? [{ id: "transfer", label: "Export / import", panel: <ExportImportPanel /> }] : []),
        ]}
      />
    </div>
  );
}
