import { randomUUID } from "node:crypto";
import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { evaluateAccounts } from "#automation/engine.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import { acquireLease, releaseLease, renewLease } from "#jobs/lease.ts";
import { syncRenewals } from "#renewals/sync-renewals.ts";

export const PLAYBOOK_SWEEP_JOB = "playbook-sweep";
const LEASE_TTL_MS = 10 * 60_000;
/** Accounts per transaction: a page's firings commit together, a failure loses one page only. */
const PAGE_SIZE = 500;

export type PlaybookSweepResult =
  | {
      status: "done";
      today: string;
      accounts: number;
      stageChanges: number;
      fired: number;
      alreadyFired: number;
      durationMs: number;
    }
  | { status: "already-running" };

/**
 * The daily playbook sweep: stages move with the calendar (L-2 day 60, L-5 T-120) and
 * date triggers come due (T-30 hand-off, T-120 renewal, day 1 of the month) with no write to
 * set them off. Runs after the health sweep so trait crossings see today's values. Pages of
 * accounts, each in its own transaction; running it twice in a day fires nothing new — the
 * occurrence keys were claimed the first time.
 */
export async function runPlaybookSweep(
  ctx: ServiceContext,
  input: {
    /** Read as the sweep goes (lease renewals); default: the context's `now` throughout. */
    clock?: () => Date;
    holder?: string;
  } = {},
): Promise<PlaybookSweepResult> {
  const { db } = ctx;
  const now = input.clock ?? (() => ctx.now);
  const holder = input.holder ?? `${process.pid}:${randomUUID()}`;
  const lease = { name: PLAYBOOK_SWEEP_JOB, holder, ttlMs: LEASE_TTL_MS };
  if (!(await acquireLease(db, { ...lease, now: now() }))) return { status: "already-running" };
  const started = performance.now();
  const at = now();
  const today = todayOf(at);
  const total = { accounts: 0, stageChanges: 0, fired: 0, alreadyFired: 0 };
  let completed = false;
  try {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const page = await queryRows<{ id: string }>(
        db,
        sql`select id::text as id from accounts where id > ${after}::uuid order by id limit ${PAGE_SIZE}`,
      );
      if (page.length === 0) break;
      const ids = page.map((r) => r.id);
      const result = await db.transaction(async (tx) => {
        // each account's open renewal follows its renewal date before the rules look at it.
        await syncRenewals(tx, { today, at, accountIds: ids });
        return evaluateAccounts(tx, { accountIds: ids, today, at });
      });
      total.accounts += result.accounts;
      total.stageChanges += result.stageChanges;
      total.fired += result.fired;
      total.alreadyFired += result.alreadyFired;
      after = ids.at(-1)!;
      if (!(await renewLease(db, { ...lease, now: now() }))) {
        throw new Error("playbook sweep lost its lease (expired and taken over); stopping");
      }
    }
    completed = true;
    return { status: "done", today, ...total, durationMs: Math.round(performance.now() - started) };
  } finally {
    await releaseLease(db, { name: PLAYBOOK_SWEEP_JOB, holder, now: now(), completed });
  }
}
