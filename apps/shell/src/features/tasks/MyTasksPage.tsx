import { todayIso } from "@keel/app-kit";
import { type MyTaskFilters, taskQueries } from "@keel/client";
import { Card, PageHeader, Select, type SelectOption, TaskList } from "@keel/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useDocumentTitle } from "../../app/use-document-title.ts";
import { useToggleTask } from "./use-toggle-task.ts";

type Status = NonNullable<MyTaskFilters["status"]>;
const statusOptions: SelectOption<Status>[] = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
];

/** M-1 "My tasks": the TA's daily list, overdue first, each saying where it came from. */
export function MyTasksPage() {
  useDocumentTitle("My tasks");
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as Status | null) ?? "open";
  const groupBy = params.get("group") === "account" ? "account" : "none";
  const tasks = useQuery(taskQueries.mine({ status, pageSize: 200 }));
  const { onToggle, pending, error } = useToggleTask(tasks.data?.items);
  const counts = tasks.data?.counts;
  const set = (key: string, value: string, fallback: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return (
    <div className="shell-page">
      <PageHeader
        title="My tasks"
        description={
          counts && status !== "done" ? (
            <span aria-live="polite">
              {counts.overdue} overdue · {counts.dueToday} due today · {counts.upcoming} upcoming
            </span>
          ) : undefined
        }
        actions={
          <>
            <Select
              label="Status"
              options={statusOptions}
              value={status}
              onValueChange={(v) => set("status", v || "open", "open")}
            />
            <Select
              label="Group"
              options={[
                { value: "none", label: "By due date" },
                { value: "account", label: "By account" },
              ]}
              value={groupBy}
              onValueChange={(v) => set("group", v || "none", "none")}
            />
          </>
        }
      />
      {error && (
        <p role="alert" className="shell-error-text">
          Could not update the task: {error.message}
        </p>
      )}
      {tasks.data && tasks.data.total > tasks.data.items.length && (
        <p className="shell-note" role="status">
          Showing the first {tasks.data.items.length} of {tasks.data.total} tasks.
        </p>
      )}
      <TaskList
        label="My tasks"
        tasks={tasks.data?.items ?? []}
        today={todayIso()}
        groupBy={groupBy}
        loading={tasks.isPending}
        error={tasks.error}
        onRetry={() => void tasks.refetch()}
        onToggle={onToggle}
        pendingIds={pending}
        renderAccountLink={(task) => <Link to={`/accounts/${task.accountId}#tasks`}>{task.accountName}</Link>}
        renderDocumentLink={(_task, documentId) => (
          <Link to={`/documents/${documentId}`}>Open the document</Link>
        )}
        emptyMessage={status === "done" ? "No finished tasks yet" : "Nothing to do: no open tasks"}
      />
    </div>
  );
}

/** The top of "My tasks" on the TA home (SPEC §11), with a link to the whole list. */
export function MyTasksSummary() {
  const tasks = useQuery(taskQueries.mine({ status: "open", pageSize: 5 }));
  const { onToggle, pending } = useToggleTask(tasks.data?.items);
  const counts = tasks.data?.counts;
  return (
    <Card
      title="My tasks"
      id="my-tasks"
      actions={
        <>
          {counts && (
            <span className="shell-muted">
              {counts.overdue} overdue · {counts.dueToday} due today ·{" "}
            </span>
          )}
          <Link to="/tasks">All my tasks{tasks.data ? ` (${tasks.data.total})` : ""}</Link>
        </>
      }
    >
      <TaskList
        label="My most urgent tasks"
        tasks={tasks.data?.items ?? []}
        today={todayIso()}
        loading={tasks.isPending}
        error={tasks.error}
        onRetry={() => void tasks.refetch()}
        onToggle={onToggle}
        pendingIds={pending}
        renderAccountLink={(task) => <Link to={`/accounts/${task.accountId}#tasks`}>{task.accountName}</Link>}
        renderDocumentLink={(_task, documentId) => (
          <Link to={`/documents/${documentId}`}>Open the document</Link>
        )}
        emptyMessage="No open tasks"
      />
    </Card>
  );
}
