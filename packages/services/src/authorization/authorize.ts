import type { Executor } from "@keel/db";
import { schema } from "@keel/db";
import {
  type AccountAction,
  type AccountAssignments,
  type Actor,
  can,
  type GlobalAction,
  type TeamRole,
} from "@keel/domain";
import { and, eq } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

/**
 * Authorization is decided here and only here (SPEC §1): routes name the action, this
 * module loads the account's team and asks the domain's `can`.
 */
export async function loadAssignments(db: Executor, accountId: string): Promise<AccountAssignments | null> {
  const [account] = await db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(eq(schema.accounts.id, accountId));
  if (!account) return null;
  const team = await db
    .select({ role: schema.accountTeam.role, userId: schema.accountTeam.userId })
    .from(schema.accountTeam)
    .where(eq(schema.accountTeam.accountId, accountId));
  return Object.fromEntries(team.map((seat) => [seat.role as TeamRole, seat.userId]));
}

/** Throws 404 for an unknown account and 403 when the actor may not act on it. */
export async function authorizeAccount(
  db: Executor,
  actor: Actor,
  action: AccountAction,
  accountId: string,
): Promise<AccountAssignments> {
  const assignments = await loadAssignments(db, accountId);
  if (!assignments) throw new ServiceError("not_found", `Account ${accountId} does not exist`);
  if (!can(actor, action, assignments)) {
    throw new ServiceError("forbidden", `You may not ${describe(action)} on this account`);
  }
  return assignments;
}

export function authorizeGlobal(actor: Actor, action: GlobalAction): void {
  if (!can(actor, action)) throw new ServiceError("forbidden", `You may not ${describe(action)}`);
}

function describe(action: string): string {
  const [, verb] = action.split(".");
  return (verb ?? action).replace(/([A-Z])/g, " $1").toLowerCase();
}

/**
 * M-1: whether `userId` may be given work on the account: a seat on its team (any role: the
 * CE fills the hand-off, A-3) or a role that works on every account (manager, admin).
 */
export async function canWorkOn(
  db: Executor,
  userId: string,
  accountId: string,
): Promise<"yes" | "no-access" | "unknown-user"> {
  const [person] = await db
    .select({ roles: schema.user.roles })
    .from(schema.user)
    .where(eq(schema.user.id, userId));
  if (!person) return "unknown-user";
  if (person.roles.some((role) => role === "manager" || role === "admin")) return "yes";
  const [seat] = await db
    .select({ role: schema.accountTeam.role })
    .from(schema.accountTeam)
    .where(and(eq(schema.accountTeam.accountId, accountId), eq(schema.accountTeam.userId, userId)))
    .limit(1);
  return seat ? "yes" : "no-access";
}

/** Another person's task list ("My tasks" of someone else) needs the team view (SPEC §1). */
export function authorizeWorkListOf(actor: Actor, userId: string): void {
  if (userId !== actor.id) authorizeGlobal(actor, "report.viewTeam");
}

/**
 * M-1: who may change a task. Those who edit the account's tasks may change anything; the
 * task's assignee (e.g. the CE given the hand-off task, A-3) may complete, reopen and annotate it.
 */
export async function authorizeTaskEdit(
  db: Executor,
  actor: Actor,
  task: { accountId: string; assigneeId: string | null },
): Promise<"any-field" | "status-and-notes"> {
  const assignments = await loadAssignments(db, task.accountId);
  if (!assignments) throw new ServiceError("not_found", `Account ${task.accountId} does not exist`);
  if (can(actor, "account.editTasks", assignments)) return "any-field";
  if (task.assigneeId === actor.id) return "status-and-notes";
  throw new ServiceError("forbidden", "You may not edit tasks on this account");
}

/** M-2: the hand-off templates a CE fills and an outgoing TA completes. */
export const handoffTemplateIds: readonly string[] = ["handoff", "ta-to-ta-handoff"];

/**
 * M-2: who may create or edit a document: those who edit the account's docs; for hand-off
 * documents also those who fill hand-offs; and the document's owner.
 */
export async function authorizeDocumentEdit(
  db: Executor,
  actor: Actor,
  doc: { accountId: string; templateId: string; ownerId: string | null },
): Promise<AccountAssignments> {
  const assignments = await loadAssignments(db, doc.accountId);
  if (!assignments) throw new ServiceError("not_found", `Account ${doc.accountId} does not exist`);
  const allowed =
    can(actor, "account.editDocs", assignments) ||
    (handoffTemplateIds.includes(doc.templateId) && can(actor, "account.fillHandoff", assignments)) ||
    (doc.ownerId !== null && doc.ownerId === actor.id);
  if (!allowed) throw new ServiceError("forbidden", "You may not edit documents on this account");
  return assignments;
}

/** A document's reads are its account's (M-2): 404 for an unknown document, then the account check. */
export async function authorizeDocument(
  db: Executor,
  actor: Actor,
  action: AccountAction,
  documentId: string,
): Promise<AccountAssignments> {
  const [doc] = await db
    .select({ accountId: schema.documents.accountId })
    .from(schema.documents)
    .where(eq(schema.documents.id, documentId));
  if (!doc) throw new ServiceError("not_found", `Document ${documentId} does not exist`);
  return authorizeAccount(db, actor, action, doc.accountId);
}
