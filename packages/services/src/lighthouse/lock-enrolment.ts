import { type Executor, queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

export type LockedEnrolment = { id: string; accountId: string; exited: boolean; version: number };

/**
 * Locks an enrolment for a write: 404 when it does not exist, 412 when `expectedVersion`
 * (If-Match) is stale, 409 when it has exited (an exited stay takes no more updates).
 */
export async function lockEnrolment(
  db: Executor,
  enrolmentId: string,
  { expectedVersion }: { expectedVersion?: number } = {},
): Promise<LockedEnrolment> {
  const [row] = await queryRows<{ id: string; account_id: string; exited: boolean; version: number }>(
    db,
    sql`select id::text, account_id::text, exited_at is not null as exited, version
      from lighthouse_enrolments where id = ${enrolmentId}::uuid for no key update`,
  );
  if (!row) throw new ServiceError("not_found", `Lighthouse enrolment ${enrolmentId} does not exist`);
  if (row.exited) {
    throw new ServiceError(
      "conflict",
      "The account has left the Lighthouse program: this stay takes no more changes",
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ServiceError(
      "precondition_failed",
      `The enrolment was changed by someone else (you edited version ${expectedVersion}, it is now ${row.version}); reload and try again`,
      { currentVersion: row.version },
    );
  }
  return { id: row.id, accountId: row.account_id, exited: row.exited, version: row.version };
}

/** Every write to an enrolment (plan, sponsor, evidence, approval, exit) moves its version. */
export async function bumpEnrolmentVersion(db: Executor, enrolmentId: string): Promise<void> {
  await db.execute(
    sql`update lighthouse_enrolments set version = version + 1 where id = ${enrolmentId}::uuid`,
  );
}
