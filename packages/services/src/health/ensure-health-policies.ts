import { schema } from "@keel/db";
import { defaultHealthPolicy, type HealthPolicy, seed000HealthPolicy } from "@keel/domain";
import { count } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

const { healthPolicies } = schema;

/** H-1: the handbook's policies, published: seed 000 (version 1) and seed 002 (version 2, default). */
export const builtInHealthPolicies: readonly HealthPolicy[] = [seed000HealthPolicy, defaultHealthPolicy];

/**
 * Makes sure the policies exist: an empty table gets the built-in ones as published versions.
 * Returns how many were inserted (0 when any policy exists).
 */
export async function ensureHealthPolicies({ db }: ServiceContext): Promise<number> {
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
