import { type Executor, schema } from "@keel/db";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { accounts, playbookFirings, projects, tasks, user } = schema;
const assignee = alias(user, "assignee");
const completer = alias(user, "completer");
const creator = alias(user, "creator");

export type PersonRef = { id: string; name: string };

/**
 * Where a piece of work came from (M-1 "source", X-1): the playbook version, rule and reason
 * that fired it, or the person who asked for it.
 */
export type WorkOriginView =
  | {
      kind: "playbook";
      /** Null only when the firing record is gone. */
      playbookId: string | null;
      playbookVersion: number | null;
      ruleId: string | null;
      reason: string | null;
    }
  | { kind: "person"; createdBy: PersonRef | null };

export type TaskView = {
  id: string;
  accountId: string;
  accountName: string;
  projectId: string | null;
  projectName: string | null;
  /** The document the task is about (R-2: the Health Assessment to complete), if any. */
  documentId: string | null;
  title: string;
  notes: string | null;
  assignee: PersonRef | null;
  role: string | null;
  dueDate: string;
  status: "open" | "done";
  /** Open and due before today. */
  overdue: boolean;
  completedAt: string | null;
  completedBy: PersonRef | null;
  source: "playbook" | "template" | "person";
  origin: WorkOriginView;
  version: number;
  createdAt: string;
};

export const personRef = (id: string | null, name: string | null): PersonRef | null =>
  id === null ? null : { id, name: name ?? id };

/** M-1 "overdue": still open and due before today. */
export const isOverdue = (today: string) => sql`(${tasks.status} = 'open' and ${tasks.dueDate} < ${today})`;

/** Tasks as people read them, overdue first (oldest first), then by due date, then title. */
export async function selectTaskViews(
  db: Executor,
  {
    where,
    today,
    limit,
    offset = 0,
  }: { where: SQL | undefined; today: string; limit?: number; offset?: number },
): Promise<{ items: TaskView[]; total: number }> {
  const query = db
    .select({
      task: tasks,
      accountName: accounts.name,
      projectName: projects.name,
      assigneeName: assignee.name,
      completedByName: completer.name,
      createdByName: creator.name,
      playbookId: playbookFirings.playbookId,
      playbookVersion: playbookFirings.playbookVersion,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(tasks)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .leftJoin(projects, eq(projects.id, tasks.projectId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(completer, eq(completer.id, tasks.completedBy))
    .leftJoin(creator, eq(creator.id, tasks.createdBy))
    .leftJoin(playbookFirings, eq(playbookFirings.occurrenceKey, tasks.firingKey))
    .where(where)
    .orderBy(
      sql`case when ${isOverdue(today)} then 0 else 1 end`,
      asc(tasks.dueDate),
      asc(tasks.title),
      asc(tasks.id),
    )
    .offset(offset);
  const rows = limit === undefined ? await query : await query.limit(limit);
  const items = rows.map(
    (row): TaskView => ({
      id: row.task.id,
      accountId: row.task.accountId,
      accountName: row.accountName,
      projectId: row.task.projectId,
      projectName: row.projectName,
      documentId: row.task.documentId,
      title: row.task.title,
      notes: row.task.notes,
      assignee: personRef(row.task.assigneeId, row.assigneeName),
      role: row.task.role,
      dueDate: row.task.dueDate,
      status: row.task.status,
      overdue: row.task.status === "open" && row.task.dueDate < today,
      completedAt: row.task.completedAt?.toISOString() ?? null,
      completedBy: personRef(row.task.completedBy, row.completedByName),
      source: row.task.source,
      origin:
        row.task.source === "person"
          ? { kind: "person", createdBy: personRef(row.task.createdBy, row.createdByName) }
          : {
              kind: "playbook",
              playbookId: row.playbookId,
              playbookVersion: row.playbookVersion,
              ruleId: row.task.ruleId,
              reason: row.task.reason,
            },
      version: row.task.version,
      createdAt: row.task.createdAt.toISOString(),
    }),
  );
  return { items, total: rows[0]?.total ?? 0 };
}

export async function getTaskView(db: Executor, taskId: string, today: string): Promise<TaskView | null> {
  const { items } = await selectTaskViews(db, { where: eq(tasks.id, taskId), today, limit: 1 });
  return items[0] ?? null;
}
