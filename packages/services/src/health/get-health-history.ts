import { schema } from "@keel/db";
import { type HealthCategory, type TraitChange, traitChanges } from "@keel/domain";
import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

export type HealthHistoryPoint = {
  at: string;
  score: number | null;
  category: HealthCategory;
  policyVersion: number;
  /** True where the policy version differs from the previous point's (X-3: mark it on the chart). */
  policyChanged: boolean;
  cause: string;
  /** the traits that moved the score since the previous point, biggest first. */
  changes: TraitChange[];
};

/** H-5: an account's score snapshots between two days (inclusive), oldest first. */
export async function getHealthHistory(
  { db }: ServiceContext,
  { accountId, from, to }: { accountId: string; from?: string; to?: string },
): Promise<HealthHistoryPoint[]> {
  const { healthSnapshots: snapshots } = schema;
  const filters: SQL[] = [eq(snapshots.accountId, accountId)];
  if (from) filters.push(gte(snapshots.at, new Date(`${from}T00:00:00Z`)));
  if (to) filters.push(lt(snapshots.at, new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000)));
  const rows = await db
    .select()
    .from(snapshots)
    .where(and(...filters))
    .orderBy(asc(snapshots.at), asc(snapshots.id));
  // The point before the range, so the first point's changes and policy marker are right too.
  const [before] = from
    ? await db
        .select()
        .from(snapshots)
        .where(and(eq(snapshots.accountId, accountId), lt(snapshots.at, new Date(`${from}T00:00:00Z`))))
        .orderBy(desc(snapshots.at), desc(snapshots.id))
        .limit(1)
    : [];
  let previous = before ?? null;
  return rows.map((row) => {
    const point: HealthHistoryPoint = {
      at: row.at.toISOString(),
      score: row.score,
      category: row.category,
      policyVersion: row.policyVersion,
      policyChanged: previous !== null && previous.policyVersion !== row.policyVersion,
      cause: row.cause,
      changes: traitChanges(previous?.breakdown ?? null, row.breakdown),
    };
    previous = row;
    return point;
  });
}
