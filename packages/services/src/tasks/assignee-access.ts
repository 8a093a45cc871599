import type { Executor } from "@keel/db";
import { canWorkOn } from "#authorization/authorize.ts";
import { ServiceError } from "#errors.ts";

export type CreateTaskInput = {
  accountId: string;
  title: string;
  notes?: string | null;
  /** Default: the person creating it. */
  assigneeId?: string;
  dueDate: string;
};

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
