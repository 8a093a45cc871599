import type { Database, Executor } from "@keel/db";
import type { Actor } from "@keel/domain";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, canWorkOn } from "#authorization/authorize.ts";
import { createTask } from "#automation/work.ts";
import { todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { getTaskView, type TaskView } from "./task-view.ts";

export type CreateAccountTaskInput = {
  accountId: string;
  title: string;
  notes?: string | null;
  /** Default: the person creating it. */
  assigneeId?: string;
  dueDate: string;
};

/** M-1: a task a person adds to an account (source "person"). */
export async function createAccountTask({
  db,
  actor,
  input,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  input: CreateAccountTaskInput;
  now: Date;
  requestId: string;
}): Promise<TaskView> {
  return db.transaction(async (tx) => {
    await authorizeAccount(tx, actor, "account.editTasks", input.accountId);
    const assigneeId = input.assigneeId ?? actor.id;
    await assertAssigneeCanWorkOn(tx, assigneeId, input.accountId);
    const { id } = await createTask(tx, {
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

/** M-1: a task assigned to a user without access to the account is refused (422 on `assigneeId`). */
export async function assertAssigneeCanWorkOn(
  db: Executor,
  assigneeId: string,
  accountId: string,
): Promise<void> {
  const access = await canWorkOn(db, assigneeId, accountId);
  if (access === "yes") return;
  const message =
    access === "unknown-user"
      ? `unknown user ${assigneeId}`
      : "this user has no access to the account (no seat on its team, not a manager or admin)";
  throw new ServiceError("unprocessable", `The task cannot be assigned: ${message}`, [
    { path: "assigneeId", message },
  ]);
}
