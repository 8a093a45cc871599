import { type Database, schema } from "@keel/db";
import { lt } from "drizzle-orm";
import type { Logger } from "pino";
import { todayOf } from "../http/router.ts";
import { HEALTH_SWEEP_JOB, recomputeAllHealth } from "../services/health/sweep.ts";
import { leaseState } from "./lease.ts";

/** Idempotency-Key answers are kept this long (a feed retries within hours, not weeks). */
const IDEMPOTENCY_RETENTION_MS = 7 * 86_400_000;

/**
 * The in-process schedule (ADR 0005): every instance ticks; a tick runs the whole-book health
 * sweep when it has not completed today (the daily run, H-6 staleness and month ends move
 * scores with no new input) or when a run was requested. The sweep's database lease makes
 * sure one instance runs it at a time, so any number of instances may tick.
 */
export function startHealthScheduler({
  db,
  logger,
  now,
  intervalMs = 60_000,
  firstTickMs = 2_000,
}: {
  db: Database;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
  firstTickMs?: number;
}) {
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const state = await leaseState(db, HEALTH_SWEEP_JOB);
      const today = todayOf(now());
      const due = !state?.lastCompletedAt || state.lastCompletedAt.slice(0, 10) < today;
      if (!due && !state?.requestedAt) return;
      const result = await recomputeAllHealth(db, {
        cause: due ? "daily sweep" : (state?.requestedCause ?? "requested sweep"),
        now,
      });
      if (result.status === "done") {
        logger.info({ job: HEALTH_SWEEP_JOB, ...result }, "health sweep done");
        if (due) {
          await db
            .delete(schema.idempotencyRecords)
            .where(
              lt(schema.idempotencyRecords.createdAt, new Date(now().getTime() - IDEMPOTENCY_RETENTION_MS)),
            );
        }
      }
    } catch (error) {
      logger.error({ err: error, job: HEALTH_SWEEP_JOB }, "health sweep failed");
    } finally {
      ticking = false;
    }
  };
  const first = setTimeout(tick, firstTickMs);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    tick,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
