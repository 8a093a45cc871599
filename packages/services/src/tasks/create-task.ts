import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { insertTask } from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { assertAssigneeCanWorkOn, type CreateTaskInput } from "./assignee-access.ts";
import { getTaskView, type TaskView } from "./task-view.ts";

/** M-1: a task a person adds to an account (source "person"). */
export async function createTask(ctx: ServiceContext, input: CreateTaskInput): Promise<TaskView> {
  const { actor, now, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await authorizeAccount(tx, actor, "account.editTasks", input.accountId);
    const assigneeId = input.assigneeId ?? actor.id;
    await assertAssigneeCanWorkOn(tx, assigneeId, input.accountId);
    const { id } = await insertTask(tx, {
      accountId: input.accountId,
      title: input.title,
      notes: input.notes ?? null,
      assigneeId,
      dueDate: input.dueDate,
      origin: { source: "person", createdBy: actor.id },
      at: now,
    });
    const view = (await getTaskView(tx, id, todayOf(now)))!;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "task.create",
      entity: "task",
      entityId: id,
      after: view,
      requestId,
    });
    return view;
  });
}
