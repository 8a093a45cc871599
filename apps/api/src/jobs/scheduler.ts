import type { Database } from "@keel/db";
import {
  deliverDueWebhooks,
  HEALTH_SWEEP_JOB,
  leaseState,
  PLAYBOOK_SWEEP_JOB,
  purgeIdempotencyRecords,
  recomputeAllHealth,
  runPlaybookSweep,
  systemContext,
  todayOf,
  type WebhookTargetPolicy,
} from "@keel/services";
import type { Logger } from "pino";

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
  webhookTargets,
}: {
  db: Database;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
  firstTickMs?: number;
  /** How often the webhook outbox is drained (ADR 0006), independently of the health sweep. */
  webhookIntervalMs?: number;
  /** Where webhooks may be delivered (KEEL_WEBHOOK_ALLOWED_HOSTS); default https to public addresses. */
  webhookTargets?: WebhookTargetPolicy;
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
      const result = await recomputeAllHealth(systemContext(db, now(), HEALTH_SWEEP_JOB), {
        cause: due ? "daily sweep" : (state?.requestedCause ?? "requested sweep"),
        clock: now,
      });
      if (result.status === "done") {
        logger.info({ job: HEALTH_SWEEP_JOB, ...result }, "health sweep done");
        if (due) await purgeIdempotencyRecords(systemContext(db, now(), "idempotency-purge"));
      }
    } catch (error) {
      logger.error({ err: error, job: HEALTH_SWEEP_JOB }, "health sweep failed");
    }
  };
  // After today's health sweep, once a day, the playbooks' date triggers and stages (X-1, L-1…L-6).
  const playbookTick = async () => {
    try {
      const today = todayOf(now());
      const health = await leaseState(db, HEALTH_SWEEP_JOB);
      if (!health?.lastCompletedAt || health.lastCompletedAt.slice(0, 10) < today) return;
      const state = await leaseState(db, PLAYBOOK_SWEEP_JOB);
      if (state?.lastCompletedAt && state.lastCompletedAt.slice(0, 10) >= today) return;
      const result = await runPlaybookSweep(systemContext(db, now(), PLAYBOOK_SWEEP_JOB), { clock: now });
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
      const result = await deliverDueWebhooks(systemContext(db, now(), "webhooks"), {
        clock: now,
        targets: webhookTargets,
      });
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
