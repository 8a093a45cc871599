import type { HealthPolicy } from "@keel/domain";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { healthPolicies } from "../schema/health.ts";

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
