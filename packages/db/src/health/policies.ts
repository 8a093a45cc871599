import { defaultHealthPolicy, type HealthPolicy, seed000HealthPolicy } from "@keel/domain";
import { and, count, desc, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { healthPolicies } from "../schema/health.ts";

/** H-1: the handbook's policies, published: seed 000 (version 1) and seed 002 (version 2, default). */
export const builtInHealthPolicies: readonly HealthPolicy[] = [seed000HealthPolicy, defaultHealthPolicy];

/**
 * Makes sure the policies exist: an empty table gets the built-in ones as published versions.
 * Returns how many were inserted (0 when any policy exists).
 */
export async function ensureHealthPolicies(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(healthPolicies);
  if ((row?.n ?? 0) > 0) return 0;
  const inserted = await db
    .insert(healthPolicies)
    .values(
      builtInHealthPolicies.map((policy) => ({
        version: policy.version,
        name: policy.name,
        source: policy.source,
        status: "published" as const,
        effectiveFrom: policy.effectiveFrom,
        body: policy,
        publishedAt: new Date(`${policy.effectiveFrom}T00:00:00Z`),
      })),
    )
    .onConflictDoNothing()
    .returning({ version: healthPolicies.version });
  return inserted.length;
}

/**
 * the policy in force on `day`: the published policy with the latest effective date on or
 * before it; of several effective the same day, the one published last.
 */
export async function loadPolicyInForce(db: Executor, day: string): Promise<HealthPolicy> {
  const [row] = await db
    .select({ body: healthPolicies.body })
    .from(healthPolicies)
    .where(and(eq(healthPolicies.status, "published"), lte(healthPolicies.effectiveFrom, day)))
    .orderBy(
      desc(healthPolicies.effectiveFrom),
      sql`${healthPolicies.publishedAt} desc nulls last`,
      desc(healthPolicies.version),
    )
    .limit(1);
  if (!row) throw new Error(`No published health policy is in force on ${day}`);
  return row.body;
}

/** One policy version (draft or published), or null. */
export async function loadPolicyVersion(db: Executor, version: number) {
  const [row] = await db.select().from(healthPolicies).where(eq(healthPolicies.version, version));
  return row ?? null;
}
