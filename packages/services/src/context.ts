import type { Executor } from "@keel/db";
import type { Actor } from "@keel/domain";

/**
 * Who acts: a signed-in person (their roles decide, SPEC §1) or the system itself (sweeps, the
 * webhook deliverer, the demo seed's replay). The system never passes through authorization and
 * writes no audit entries (what it does is recorded where it belongs: firings, snapshots, leases).
 */
export type ServiceActor = Actor & { system?: true };

/** The one thing every service verb takes first: `verbEntity(ctx, input)`. */
export type ServiceContext = {
  /** The database, or the transaction the caller already opened (see `withTransaction`). */
  db: Executor;
  actor: ServiceActor;
  /** The clock, read once per call so one write has one time (tests pin it). */
  now: Date;
  /** Correlates the audit log with the request log; system work names its job. */
  requestId: string;
};

export const systemActor: ServiceActor = Object.freeze({ id: "system", roles: [], system: true as const });

/** A context for work nobody asked for in a request: sweeps, deliveries, the seed. */
export const systemContext = (db: Executor, now: Date, job: string): ServiceContext => ({
  db,
  actor: systemActor,
  now,
  requestId: job,
});

/**
 * Runs `fn` in one transaction (a savepoint when `ctx.db` already is one): everything a write
 * causes (audit, health, playbooks, outbox) commits or rolls back with it.
 */
export function withTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** The day (UTC) a date rule is evaluated for. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
