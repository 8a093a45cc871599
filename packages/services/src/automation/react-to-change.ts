import type { Executor } from "@keel/db";
import type { PlaybookEvent } from "@keel/domain";
import { evaluateAccounts } from "#automation/engine.ts";
import { todayOf } from "#context.ts";
import { recomputeAccountHealth } from "#health/recompute-account.ts";

/**
 * X-7 for everything downstream of an account's data: in the transaction of the write that
 * changed it, rescore its health (H-3), then decide its stage (L-1…L-6) and run the playbooks
 * on what changed (a category moved, a trait crossed a threshold, a field was set). The
 * response already shows the task, flag or notification the change caused.
 */
export async function reactToAccountChange(
  tx: Executor,
  accountIds: string | readonly string[],
  {
    cause,
    now,
    events,
    health = true,
  }: {
    cause: string;
    now: Date;
    /** Events only the caller knows of (e.g. the account was just created). */
    events?: ReadonlyMap<string, readonly PlaybookEvent[]>;
    /** False when the write cannot move a score (team, support level, contacts' roles). */
    health?: boolean;
  },
) {
  const ids = [...new Set(typeof accountIds === "string" ? [accountIds] : accountIds)].sort();
  if (ids.length === 0) return null;
  const recomputed = health ? await recomputeAccountHealth(tx, ids, { cause, now }) : null;
  const automation = await evaluateAccounts(tx, { accountIds: ids, today: todayOf(now), at: now, events });
  return { health: recomputed, automation };
}
