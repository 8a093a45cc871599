import { type Executor, queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

export type LockedRenewal = {
  id: string;
  accountId: string;
  dueDate: string;
  arrAtStakeCents: number;
  seatsAtStake: number;
  processed: boolean;
  version: number;
};

/**
 * Locks a renewal for a write: 404 when it does not exist, 412 when `expectedVersion` (If-Match)
 * is stale, 409 when it is processed and `open` is asked for (R-6: the first result stands).
 */
export async function lockRenewal(
  db: Executor,
  renewalId: string,
  { expectedVersion, open = true }: { expectedVersion?: number; open?: boolean } = {},
): Promise<LockedRenewal> {
  const [row] = await queryRows<{
    id: string;
    account_id: string;
    due_date: string;
    arr_at_stake_cents: string;
    seats_at_stake: number;
    processed: boolean;
    version: number;
  }>(
    db,
    sql`select id::text, account_id::text, due_date::text, arr_at_stake_cents::text, seats_at_stake,
        processed_at is not null as processed, version
      from renewals where id = ${renewalId}::uuid for no key update`,
  );
  if (!row) throw new ServiceError("not_found", `Renewal ${renewalId} does not exist`);
  if (open && row.processed) {
    throw new ServiceError(
      "conflict",
      "This renewal is processed: its outcome stands and it takes no more changes",
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ServiceError(
      "precondition_failed",
      `The renewal was changed by someone else (you edited version ${expectedVersion}, it is now ${row.version}); reload and try again`,
      { currentVersion: row.version },
    );
  }
  return {
    id: row.id,
    accountId: row.account_id,
    dueDate: row.due_date,
    arrAtStakeCents: Number(row.arr_at_stake_cents),
    seatsAtStake: row.seats_at_stake,
    processed: row.processed,
    version: row.version,
  };
}

/** Every write to a renewal (assessment, approval, plan, forecast, outcome) moves its version. */
export async function bumpRenewalVersion(db: Executor, renewalId: string): Promise<void> {
  await db.execute(sql`update renewals set version = version + 1 where id = ${renewalId}::uuid`);
}
