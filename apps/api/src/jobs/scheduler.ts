import { type Database, schema } from "@keel/db";
import {
  deliverDueWebhooks,
  HEALTH_SWEEP_JOB,
  leaseState,
  PLAYBOOK_SWEEP_JOB,
  recomputeAllHealth,
  runPlaybookSweep,
} from "@keel/services";
import { lt } from "drizzle-orm";
import type { Logger } from "pino";
import { todayOf } from "../http/router.ts";

/** Idempotency-Key answers are kept this long (a feed retries within hours, not weeks). */
const IDEMPOTENCY_RETENTION_MS = 7 * 86_400_000;

/**
 * The in-process schedule (ADRs 0005–0007): every instance ticks; a tick runs the whole-book
 * health sweep when it has not completed today (the daily run, H-6 staleness and month ends move
 * scores with no new input) or when a run was requested, then the day's playbook sweep; a second
 * timer drains the webhook outbox. Database leases (and SKIP LOCKED for webhooks) keep each job
 * to one instance at a time, so any number of instances may tick.
 */
export function startScheduler({
  db,
  logger,
  now,
  intervalMs = 60_000,
  firstTickMs = 2_000,
  webhookIntervalMs = 10_000,
}: {
  db: Database;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
  firstTickMs?: number;
  /** How often the webhook outbox is drained (ADR 0006), independently of the health sweep. */
  webhookIntervalMs?: number;
}) {
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await healthTick();
      await playbookTick();
    } finally {
      ticking = false;
    }
  };
  const healthTick = async () => {
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
    }
  };
  // Issue 4: after today's health sweep, once a day, the playbooks' date triggers and stages.
  const playbookTick = async () => {
    try {
      const today = todayOf(now());
      const health = await leaseState(db, HEALTH_SWEEP_JOB);
      if (!health?.lastCompletedAt || health.lastCompletedAt.slice(0, 10) < today) return;
      const state = await leaseState(db, PLAYBOOK_SWEEP_JOB);
      if (state?.lastCompletedAt && state.lastCompletedAt.slice(0, 10) >= today) return;
      const result = await runPlaybookSweep(db, { now });
      if (result.status === "done")
        logger.info({ job: PLAYBOOK_SWEEP_JOB, ...result }, "playbook sweep done");
    } catch (error) {
      logger.error({ err: error, job: PLAYBOOK_SWEEP_JOB }, "playbook sweep failed");
    }
  };
  // Webhook delivery: every instance drains the outbox; SKIP LOCKED claims keep them apart.
  let delivering = false;
  const webhookTick = async () => {
    if (delivering) return;
    delivering = true;
    try {
      const result = await deliverDueWebhooks({ db, now });
      if (result.claimed > 0) logger.info({ job: "webhooks", ...result }, "webhook deliveries sent");
    } catch (error) {
      logger.error({ err: error, job: "webhooks" }, "webhook delivery failed");
    } finally {
      delivering = false;
    }
  };
  const first = setTimeout(tick, firstTickMs);
  const timer = setInterval(tick, intervalMs);
  const webhookTimer = setInterval(webhookTick, webhookIntervalMs);
  first.unref();
  timer.unref();
  webhookTimer.unref();
  return {
    tick,
    webhookTick,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
      clearInterval(webhookTimer);
    },
  };
}
