import { type ReactNode, useId } from "react";
import { cx } from "../../internal/cx.ts";
import { DateText } from "../DateText/DateText.tsx";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";
import { type SourceOrigin, SourceTag } from "../SourceTag/SourceTag.tsx";
import { dueStatus, dueStatusLabel } from "./dueStatus.ts";

export interface TaskListItem {
  id: string;
  title: string;
  notes?: string | null;
  accountId: string;
  accountName: string;
  /** ISO calendar date; null when the task has no due date. */
  dueDate: string | null;
  status: "open" | "done";
  /** The server's verdict; the marker text is computed from `dueDate` and `today`. */
  overdue: boolean;
  assignee: { id: string; name: string } | null;
  /** The assignee's role on the account, e.g. "TA". */
  role?: string | null;
  source: "playbook" | "template" | "person";
  origin: SourceOrigin;
  projectName?: string | null;
  /** The document the task is about (R-2: the Health Assessment to complete). */
  documentId?: string | null;
}

export type TaskListGrouping = "none" | "account";

export interface TaskListProps {
  tasks: readonly TaskListItem[];
  /** Today as an ISO date (`YYYY-MM-DD`), in the user's zone; drives "Overdue by N days". */
  today: string;
  /** Names the list for screen readers. Default "Tasks". */
  label?: string;
  emptyMessage?: ReactNode;
  /** "account" puts tasks under a heading per account (in order of first appearance). */
  groupBy?: TaskListGrouping;
  /** Heading level of the account headings when grouped. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Completes an open task or reopens a done one. Without it the checkboxes are read-only. */
  onToggle?: (task: TaskListItem) => void;
  /** Tasks whose toggle is in flight: their checkbox is disabled until the answer. */
  pendingIds?: ReadonlySet<string> | readonly string[];
  /** Whether the current user may complete/reopen this task. Default: everyone may. */
  canEdit?: (task: TaskListItem) => boolean;
  /** The account name as a link (router-agnostic). Plain text when absent. */
  renderAccountLink?: (task: TaskListItem) => ReactNode;
  /** A link to the task's document (router-agnostic); shown on tasks that have one. */
  renderDocumentLink?: (task: TaskListItem, documentId: string) => ReactNode;
  /** Hide the account name on each row, e.g. on the account's own page. */
  hideAccount?: boolean;
  loading?: boolean;
  error?: Error | string | null;
  onRetry?: () => void;
  className?: string;
}

function isPending(pendingIds: TaskListProps["pendingIds"], id: string): boolean {
  if (!pendingIds) return false;
  return pendingIds instanceof Set ? pendingIds.has(id) : (pendingIds as readonly string[]).includes(id);
}

interface TaskGroup {
  accountId: string;
  accountName: string;
  first: TaskListItem;
  tasks: TaskListItem[];
}

function groupByAccount(tasks: readonly TaskListItem[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const task of tasks) {
    const group = groups.get(task.accountId);
    if (group) group.tasks.push(task);
    else
      groups.set(task.accountId, {
        accountId: task.accountId,
        accountName: task.accountName,
        first: task,
        tasks: [task],
      });
  }
  return [...groups.values()];
}

interface TaskRowProps {
  task: TaskListItem;
  today: string;
  pending: boolean;
  editable: boolean;
  showAccount: boolean;
  onToggle: TaskListProps["onToggle"];
  renderAccountLink: TaskListProps["renderAccountLink"];
  renderDocumentLink: TaskListProps["renderDocumentLink"];
}

function TaskRow({
  task,
  today,
  pending,
  editable,
  showAccount,
  onToggle,
  renderAccountLink,
  renderDocumentLink,
}: TaskRowProps) {
  const titleId = useId();
  const dueId = useId();
  const done = task.status === "done";
  const status = dueStatus(task.dueDate, today);
  // The server may know better (e.g. a different "today"); never hide an overdue it reports.
  const dueLabel = done
    ? null
    : (dueStatusLabel(status) ?? (task.overdue && task.dueDate ? "Overdue" : null));
  const overdue = !done && (status.kind === "overdue" || (task.overdue && status.kind !== "today"));
  return (
    <li
      className={cx("keel-task", done && "keel-task--done", overdue && "keel-task--overdue")}
      aria-busy={pending || undefined}
    >
      <input
        type="checkbox"
        className="keel-task__check"
        checked={done}
        disabled={!onToggle || !editable || pending}
        onChange={() => onToggle?.(task)}
        aria-labelledby={titleId}
        aria-describedby={dueLabel ? dueId : undefined}
      />
      <div className="keel-task__main">
        <p className="keel-task__title" id={titleId}>
          {task.title}
          {done && <span className="keel-visually-hidden"> (done)</span>}
        </p>
        {task.notes && <p className="keel-task__notes">{task.notes}</p>}
        <div className="keel-task__meta">
          {showAccount && (
            <span className="keel-task__account">{renderAccountLink?.(task) ?? task.accountName}</span>
          )}
          {task.projectName && <span className="keel-task__project">Project: {task.projectName}</span>}
          {task.documentId && renderDocumentLink && (
            <span className="keel-task__document">{renderDocumentLink(task, task.documentId)}</span>
          )}
          <span className="keel-task__due">
            {task.dueDate ? (
              <>
                Due <DateText value={task.dueDate} />
              </>
            ) : (
              "No due date"
            )}
            {dueLabel && (
              <span id={dueId} className={cx("keel-task__marker", overdue && "keel-task__marker--overdue")}>
                {dueLabel}
              </span>
            )}
          </span>
          <span className="keel-task__assignee">
            {task.assignee ? task.assignee.name : "Unassigned"}
            {task.assignee && task.role ? ` (${task.role})` : ""}
          </span>
          <SourceTag origin={task.origin} />
        </div>
        {pending && (
          <span className="keel-task__pending" role="status">
            Saving…
          </span>
        )}
      </div>
    </li>
  );
}

/** Tasks with a complete/reopen checkbox, due markers and where each task came from (M-1). */
export function TaskList({
  tasks,
  today,
  label = "Tasks",
  emptyMessage = "No tasks",
  groupBy = "none",
  headingLevel = 3,
  onToggle,
  pendingIds,
  canEdit,
  renderAccountLink,
  renderDocumentLink,
  hideAccount = false,
  loading = false,
  error,
  onRetry,
  className,
}: TaskListProps) {
  if (loading) {
    return (
      <div className={cx("keel-tasks", className)} aria-busy="true">
        <Skeleton lines={4} label={`Loading ${label.toLowerCase()}…`} />
      </div>
    );
  }
  if (error) {
    return (
      <div className={cx("keel-tasks", className)}>
        <ErrorState
          compact
          title={`Could not load ${label.toLowerCase()}`}
          message={typeof error === "string" ? error : error.message}
          onRetry={onRetry}
        />
      </div>
    );
  }
  if (tasks.length === 0) {
    return (
      <div className={cx("keel-tasks", className)}>
        <EmptyState compact title={emptyMessage} />
      </div>
    );
  }

  const row = (task: TaskListItem, showAccount: boolean) => (
    <TaskRow
      key={task.id}
      task={task}
      today={today}
      pending={isPending(pendingIds, task.id)}
      editable={canEdit ? canEdit(task) : true}
      showAccount={showAccount}
      onToggle={onToggle}
      renderAccountLink={renderAccountLink}
      renderDocumentLink={renderDocumentLink}
    />
  );

  if (groupBy === "account") {
    const Heading = `h${headingLevel}` as const;
    return (
      <div className={cx("keel-tasks", "keel-tasks--grouped", className)}>
        {groupByAccount(tasks).map((group) => (
          <section
            key={group.accountId}
            className="keel-tasks__group"
            aria-label={`${label}: ${group.accountName}`}
          >
            <Heading className="keel-tasks__group-heading">
              {renderAccountLink?.(group.first) ?? group.accountName}
              <span className="keel-tasks__group-count">
                {group.tasks.length} {group.tasks.length === 1 ? "task" : "tasks"}
              </span>
            </Heading>
            <ul className="keel-tasks__list">{group.tasks.map((task) => row(task, false))}</ul>
          </section>
        ))}
      </div>
    );
  }

  return (
    <div className={cx("keel-tasks", className)}>
      <ul className="keel-tasks__list" aria-label={label}>
        {tasks.map((task) => row(task, !hideAccount))}
      </ul>
    </div>
  );
}
