import { schema } from "@keel/db";
import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { escapeLike } from "#like.ts";
import { selectTaskViews, type TaskView } from "./task-view.ts";

const { accounts, tasks } = schema;

export type TaskStatusFilter = "open" | "done" | "all";

export type ListTasksInput = {
  assigneeId?: string;
  accountId?: string;
  status: TaskStatusFilter;
  search?: string;
  today: string;
  page: number;
  pageSize: number;
};

export type TaskCounts = { overdue: number; dueToday: number; upcoming: number };

/**
 * M-1 "My tasks" (and an account's tasks): a page of tasks, overdue first, with the counts of
 * open tasks by due date for the same filters (whatever the status filter).
 */
export async function listTasks(
  { db }: ServiceContext,
  input: ListTasksInput,
): Promise<{ items: TaskView[]; total: number; counts: TaskCounts }> {
  const filters: SQL[] = [];
  if (input.assigneeId) filters.push(eq(tasks.assigneeId, input.assigneeId));
  if (input.accountId) filters.push(eq(tasks.accountId, input.accountId));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    filters.push(or(ilike(tasks.title, pattern), ilike(accounts.name, pattern))!);
  }
  const statusFilter = input.status === "all" ? [] : [eq(tasks.status, input.status)];
  const page = await selectTaskViews(db, {
    where: and(...filters, ...statusFilter),
    today: input.today,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const [counts] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${tasks.dueDate} < ${input.today})`.mapWith(Number),
      dueToday: sql<number>`count(*) filter (where ${tasks.dueDate} = ${input.today})`.mapWith(Number),
      upcoming: sql<number>`count(*) filter (where ${tasks.dueDate} > ${input.today})`.mapWith(Number),
    })
    .from(tasks)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .where(and(...filters, eq(tasks.status, "open")));
  // A page past the end has no rows to carry the window count: count it apart.
  const total =
    page.items.length > 0 || input.page === 1
      ? page.total
      : ((
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(tasks)
            .innerJoin(accounts, eq(accounts.id, tasks.accountId))
            .where(and(...filters, ...statusFilter))
        )[0]?.n ?? 0);
  return { items: page.items, total, counts: counts ?? { overdue: 0, dueToday: 0, upcoming: 0 } };
}
