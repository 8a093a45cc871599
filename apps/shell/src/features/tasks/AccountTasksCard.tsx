import { todayIso } from "@keel/app-kit";
import { isApiRequestError, taskMutations, taskQueries } from "@keel/client";
import type { AccountTeam, TeamRole } from "@keel/domain";
import { Button, Card, Select, TaskList, TextInput } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { useToggleTask } from "./use-toggle-task.ts";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** M-1 on the account page: open tasks (playbook-made and people's) and a form to add one. */
export function AccountTasksCard({
  accountId,
  team,
  canEdit,
}: {
  accountId: string;
  team: AccountTeam;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"open" | "all">("open");
  const tasks = useQuery(taskQueries.account(accountId, status));
  const { onToggle, pending, error } = useToggleTask(tasks.data?.items);
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState(inDays(7));
  const [assigneeId, setAssigneeId] = useState("");
  const members = (Object.entries(team) as [TeamRole, AccountTeam[TeamRole]][]).flatMap(([role, seat]) =>
    seat ? [{ value: seat.userId, label: `${seat.name} (${role.toUpperCase()})` }] : [],
  );
  const create = useMutation(taskMutations.create(queryClient));
  const fieldError = (path: string) =>
    create.error && isApiRequestError(create.error) && Array.isArray(create.error.details)
      ? (create.error.details as { path: string; message: string }[]).find((d) => d.path === path)?.message
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { accountId, task: { title: title.trim(), dueDate, ...(assigneeId ? { assigneeId } : {}) } },
      { onSuccess: () => setTitle("") },
    );
  };
  return (
    <Card
      title="Tasks"
      id="tasks"
      actions={
        <Select
          label="Show"
          options={[
            { value: "open", label: "Open" },
            { value: "all", label: "All" },
          ]}
          value={status}
          onValueChange={(v) => setStatus(v === "all" ? "all" : "open")}
        />
      }
    >
      {error && (
        <p role="alert" className="shell-error-text">
          Could not update the task: {error.message}
        </p>
      )}
      <TaskList
        label="Account tasks"
        tasks={tasks.data?.items ?? []}
        today={todayIso()}
        hideAccount
        renderDocumentLink={(_task, documentId) => (
          <Link to={`/documents/${documentId}`}>Open the document</Link>
        )}
        loading={tasks.isPending}
        error={tasks.error}
        onRetry={() => void tasks.refetch()}
        onToggle={onToggle}
        pendingIds={pending}
        emptyMessage={status === "open" ? "No open tasks on this account" : "No tasks on this account yet"}
      />
      {canEdit && (
        <form className="task-form" onSubmit={submit} aria-label="Add a task">
          <TextInput
            label="New task"
            value={title}
            required
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldError("title")}
          />
          <TextInput
            label="Due"
            type="date"
            value={dueDate}
            required
            onChange={(e) => setDueDate(e.target.value)}
            error={fieldError("dueDate")}
          />
          <Select
            label="Owner"
            options={members}
            placeholder="Me"
            value={assigneeId}
            onValueChange={setAssigneeId}
            error={fieldError("assigneeId")}
          />
          <Button type="submit" variant="primary" loading={create.isPending} disabled={title.trim() === ""}>
            Add task
          </Button>
          {create.isError && !fieldError("title") && !fieldError("dueDate") && !fieldError("assigneeId") && (
            <p role="alert" className="shell-error-text">
              {create.error.message}
            </p>
          )}
        </form>
      )}
    </Card>
  );
}
