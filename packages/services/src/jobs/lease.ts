import { type Executor, isoUtc, queryRows, schema } from "@keel/db";
import { eq, sql } from "drizzle-orm";

/**
 * Database leases: one row per job name. Whoever sets `holder` with an expiry in the future
 * runs the job; every other instance sees it held and stays out. A crashed holder's lease
 * expires and may be taken over. Times come from the app clock (`deps.now`).
 */
export type LeaseRequest = { name: string; holder: string; ttlMs: number; now: Date };

export async function acquireLease(
  db: Executor,
  { name, holder, ttlMs, now }: LeaseRequest,
): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  const rows = await queryRows<{ holder: string }>(
    db,
    sql`insert into job_leases (name, holder, acquired_at, expires_at)
      values (${name}, ${holder}, ${now.toISOString()}::timestamptz, ${expires}::timestamptz)
      on conflict (name) do update set holder = excluded.holder, acquired_at = excluded.acquired_at,
        expires_at = excluded.expires_at
      where job_leases.holder is null or job_leases.expires_at <= ${now.toISOString()}::timestamptz
      returning holder`,
  );
  return rows.length === 1;
}

/** Extends a held lease; false when it was lost (expired and taken over). */
export async function renewLease(db: Executor, { name, holder, ttlMs, now }: LeaseRequest): Promise<boolean> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`update job_leases set expires_at = ${new Date(now.getTime() + ttlMs).toISOString()}::timestamptz
      where name = ${name} and holder = ${holder} returning name`,
  );
  return rows.length === 1;
}

export async function releaseLease(
  db: Executor,
  { name, holder, now, completed }: { name: string; holder: string; now: Date; completed: boolean },
) {
  await db.execute(
    sql`update job_leases set holder = null, expires_at = null,
      last_completed_at = case when ${completed}::boolean then ${now.toISOString()}::timestamptz else last_completed_at end
      where name = ${name} and holder = ${holder}`,
  );
}

/** Asks for a run (e.g. a policy was published while the job was running): the holder runs again. */
export async function requestRun(
  db: Executor,
  { name, cause, now }: { name: string; cause: string; now: Date },
) {
  await db.execute(
    sql`insert into job_leases (name, requested_at, requested_cause)
      values (${name}, ${now.toISOString()}::timestamptz, ${cause})
      on conflict (name) do update set requested_at = excluded.requested_at, requested_cause = excluded.requested_cause`,
  );
}

/** Takes the pending request, if any (the caller holds the lease and is about to run). */
export async function takeRequest(db: Executor, name: string): Promise<string | null> {
  const rows = await queryRows<{ cause: string | null }>(
    db,
    sql`update job_leases l set requested_at = null, requested_cause = null
      from (select name, requested_cause from job_leases where name = ${name} for update) old
      where l.name = old.name and l.requested_at is not null
      returning old.requested_cause as cause`,
  );
  return rows.length === 0 ? null : (rows[0]!.cause ?? "requested");
}

export type LeaseState = {
  holder: string | null;
  expiresAt: string | null;
  lastCompletedAt: string | null;
  requestedAt: string | null;
  requestedCause: string | null;
};

export async function leaseState(db: Executor, name: string): Promise<LeaseState | null> {
  const [row] = await queryRows<LeaseState>(
    db,
    sql`select holder, ${isoUtc(sql`expires_at`)} as "expiresAt", ${isoUtc(sql`last_completed_at`)} as "lastCompletedAt",
      ${isoUtc(sql`requested_at`)} as "requestedAt", requested_cause as "requestedCause"
      from ${schema.jobLeases} where ${eq(schema.jobLeases.name, name)}`,
  );
  return row ?? null;
}
