import { randomUUID } from "node:crypto";
import { type ServiceContext, todayOf } from "#context.ts";
import { recomputeHealth } from "#health/scores.ts";
import { acquireLease, releaseLease, renewLease, requestRun, takeRequest } from "#jobs/lease.ts";
import { recheckCriteria } from "#lighthouse/criteria.ts";

export const HEALTH_SWEEP_JOB = "health-sweep";
/** Long enough for a whole book; renewed after every batch, so a crash frees it within this. */
const LEASE_TTL_MS = 10 * 60_000;
/** Requests that arrive while it runs (policy published) make it run again, a few times at most. */
const MAX_RUNS = 3;

export type SweepResult =
  | {
      status: "done";
      accounts: number;
      written: number;
      snapshots: number;
      categoryChanges: number;
      policyVersion: number;
      durationMs: number;
    }
  | { status: "already-running" };

/**
 * The whole-book recompute (H-6, X-7): derive every account's inputs in one set-based
 * query, score them in memory with the domain engine, write in batches of thousands of rows.
 * Guarded by a database lease so one instance runs it at a time; a second caller gets
 * "already-running" (it may `requestRun` to have the holder run again).
 */
export async function recomputeAllHealth(
  ctx: ServiceContext,
  input: {
    cause: string;
    /** Read as the sweep goes (batch stamps, lease renewals); default: the context's `now`. */
    clock?: () => Date;
    holder?: string;
    batchSize?: number;
  },
): Promise<SweepResult> {
  const { db } = ctx;
  const { cause, batchSize } = input;
  const now = input.clock ?? (() => ctx.now);
  const holder = input.holder ?? `${process.pid}:${randomUUID()}`;
  const lease = { name: HEALTH_SWEEP_JOB, holder, ttlMs: LEASE_TTL_MS };
  if (!(await acquireLease(db, { ...lease, now: now() }))) return { status: "already-running" };
  const started = performance.now();
  let completed = false;
  try {
    let runCause: string | null = cause;
    let result: Awaited<ReturnType<typeof recomputeHealth>> | null = null;
    for (let run = 0; runCause !== null && run < MAX_RUNS; run++) {
      // Requests made before this run reads its inputs are served by it.
      await takeRequest(db, HEALTH_SWEEP_JOB);
      const at = now();
      result = await recomputeHealth(db, {
        asOf: todayOf(at),
        at,
        cause: runCause,
        batchSize,
        onBatch: async () => {
          if (!(await renewLease(db, { ...lease, now: now() }))) {
            throw new Error("health sweep lost its lease (expired and taken over); stopping");
          }
        },
      });
      // LH-2: time alone moves some measures (days since the last activity); criteria follow.
      await recheckCriteria(db, { now: at });
      runCause = await takeRequest(db, HEALTH_SWEEP_JOB);
    }
    // Still asked for after the last run: leave the request for the scheduler's next tick.
    if (runCause !== null) await requestRun(db, { name: HEALTH_SWEEP_JOB, cause: runCause, now: now() });
    completed = true;
    return {
      status: "done",
      accounts: result!.accounts,
      written: result!.written,
      snapshots: result!.snapshots,
      categoryChanges: result!.categoryChanges,
      policyVersion: result!.policyVersion,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await releaseLease(db, { name: HEALTH_SWEEP_JOB, holder, now: now(), completed });
  }
}
