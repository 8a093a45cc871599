import { type Executor, uuidList } from "@keel/db";
import { sql } from "drizzle-orm";
import { todayOf } from "#context.ts";
import { recomputeHealth } from "#health/scores.ts";
import { recheckCriteria } from "#lighthouse/criteria.ts";

/**
 * recompute the health of the accounts a write touched, inside that write's transaction,
 * so the response (and every later read) already sees the new score. Writes the current score,
 * a snapshot when it changed and a category-change event when the category changed (H-5).
 */
export async function recomputeAccountHealth(
  tx: Executor,
  accountIds: string | readonly string[],
  { cause, now }: { cause: string; now: Date },
) {
  const ids = [...new Set(typeof accountIds === "string" ? [accountIds] : accountIds)].sort();
  if (ids.length === 0) return { accounts: 0, written: 0, snapshots: 0, categoryChanges: 0 };
  // Two writes to one account recompute one after the other: the second waits here, then reads
  // the first one's inputs. Sorted, so two batches touching the same accounts cannot deadlock.
  await tx.execute(sql`select id from accounts where id in ${uuidList(ids)} order by id for no key update`);
  const result = await recomputeHealth(tx, { asOf: todayOf(now), at: now, cause, accountIds: ids });
  // LH-2: bound success criteria check themselves the moment a measure moves.
  await recheckCriteria(tx, { accountIds: ids, now });
  return result;
}
