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
import { eq } from "drizzle-orm";
import { ApiError } from "../http/errors.ts";

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
  if (!assignments) throw new ApiError("not_found", `Account ${accountId} does not exist`);
  if (!can(actor, action, assignments)) {
    throw new ApiError("forbidden", `You may not ${describe(action)} on this account`);
  }
  return assignments;
}

export function authorizeGlobal(actor: Actor, action: GlobalAction): void {
  if (!can(actor, action)) throw new ApiError("forbidden", `You may not ${describe(action)}`);
}

function describe(action: string): string {
  const [, verb] = action.split(".");
  return (verb ?? action).replace(/([A-Z])/g, " $1").toLowerCase();
}
