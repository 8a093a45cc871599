import { schema } from "@keel/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeTaskEdit } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { assertAssigneeCanWorkOn } from "./assignee-access.ts";
import { getTaskView, type TaskView } from "./task-view.ts";

const { tasks } = schema;

export type UpdateTaskInput = {
  taskId: string;
  /** The version the editor saw (If-Match). */
  expectedVersion: number;
  title?: string;
  notes?: string | null;
  assigneeId?: string | null;
  dueDate?: string;
  status?: "open" | "done";
};

/** M-1: edit, complete (records when and by whom) or reopen (clears that) a task. */
export async function updateTask(ctx: ServiceContext, input: UpdateTaskInput): Promise<TaskView> {
  const { actor, now, requestId } = ctx;
  const today = todayOf(now);
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const [current] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for("update");
    if (!current) throw new ServiceError("not_found", `Task ${input.taskId} does not exist`);
    const scope = await authorizeTaskEdit(tx, actor, current);
    if (scope === "status-and-notes") {
      const others = (["title", "assigneeId", "dueDate"] as const).filter(
        (field) => input[field] !== undefined,
      );
      if (others.length > 0) {
        throw new ServiceError(
          "forbidden",
          `As the task's assignee you may complete, reopen and annotate it, not change ${others.join(", ")}`,
        );
      }
    }
    if (current.version !== input.expectedVersion) {
      throw new ServiceError(
        "precondition_failed",
        `Task was changed by someone else (you edited version ${input.expectedVersion}, it is now ${current.version}); reload and try again`,
        { currentVersion: current.version },
      );
    }
    if (input.assigneeId && input.assigneeId !== current.assigneeId) {
      await assertAssigneeCanWorkOn(tx, input.assigneeId, current.accountId);
    }
    const before = await getTaskView(tx, current.id, today);
    const statusChange =
      input.status === undefined || input.status === current.status
        ? {}
        : input.status === "done"
          ? { status: "done" as const, completedAt: now, completedBy: actor.id }
          : { status: "open" as const, completedAt: null, completedBy: null };
    await tx
      .update(tasks)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
        ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
        ...statusChange,
        version: sql`${tasks.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(tasks.id, current.id), eq(tasks.version, input.expectedVersion)));
    const after = (await getTaskView(tx, current.id, today))!;
    await recordAudit(tx, {
      actorId: actor.id,
      action:
        statusChange.status === "done"
          ? "task.complete"
          : statusChange.status === "open"
            ? "task.reopen"
            : "task.update",
      entity: "task",
      entityId: current.id,
      before,
      after,
      requestId,
    });
    return after;
  });
}
