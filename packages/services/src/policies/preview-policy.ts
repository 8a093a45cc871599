import { type Executor, loadHealthFacts, loadPolicyInForce, schema, uuidList } from "@keel/db";
import {
  computeHealth,
  deriveHealthInputs,
  type HealthCategory,
  type HealthPolicy,
  healthCategories,
  healthPolicySchema,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { getPolicy } from "./get-policy.ts";

export type CategoryCounts = Record<HealthCategory, number>;

export type PolicyPreview = {
  version: number;
  inForceVersion: number;
  asOf: string;
  accounts: number;
  before: CategoryCounts;
  after: CategoryCounts;
  changedCount: number;
  /** Accounts whose score moves at all (their category may stay). */
  scoreChangedCount: number;
  changed: {
    id: string;
    name: string;
    from: HealthCategory;
    to: HealthCategory;
    scoreBefore: number | null;
    scoreAfter: number | null;
  }[];
};

const emptyCounts = (): CategoryCounts =>
  Object.fromEntries(healthCategories.map((c) => [c, 0])) as CategoryCounts;

/**
 * X-2 what-if: the whole book scored under `policy` and under the policy in force, both in
 * memory from the same derived inputs (one set-based query). Nothing is written.
 */
export async function previewPolicy(
  ctx: ServiceContext,
  input: {
    version: number;
    /** Unsaved edits of that version to preview instead of the stored policy. */
    policy?: unknown;
    limit: number;
  },
): Promise<PolicyPreview> {
  const { version, limit } = input;
  const today = todayOf(ctx.now);
  const stored = await getPolicy(ctx, { version });
  let policy = stored.policy;
  if (input.policy) {
    const parsed = healthPolicySchema.safeParse({
      ...(input.policy as object),
      version,
      effectiveFrom: stored.policy.effectiveFrom,
    });
    if (!parsed.success)
      throw new ServiceError("validation_failed", "The policy is not valid", parsed.error.issues);
    policy = parsed.data;
  }
  return previewScores(ctx.db, { policy, today, limit });
}

async function previewScores(
  db: Executor,
  { policy, today, limit }: { policy: HealthPolicy; today: string; limit: number },
): Promise<PolicyPreview> {
  const inForce = await loadPolicyInForce(db, today);
  const facts = await loadHealthFacts(db, { asOf: today, manualTraits: "current" });
  // Scores only (no breakdowns): this runs over the whole book twice.
  const score = (p: HealthPolicy) =>
    facts.map(({ accountId, facts: f }) => ({
      accountId,
      ...computeHealth(deriveHealthInputs(f, p).inputs, p),
    }));
  const before = score(inForce);
  const after = score(policy);
  const counts = { before: emptyCounts(), after: emptyCounts() };
  const changed: Omit<PolicyPreview["changed"][number], "name">[] = [];
  let scoreChangedCount = 0;
  before.forEach((old, i) => {
    const next = after[i]!;
    counts.before[old.category] += 1;
    counts.after[next.category] += 1;
    if (old.score !== next.score) scoreChangedCount += 1;
    if (old.category !== next.category) {
      changed.push({
        id: old.accountId,
        from: old.category,
        to: next.category,
        scoreBefore: old.score,
        scoreAfter: next.score,
      });
    }
  });
  const names = new Map<string, string>();
  const shown = changed.slice(0, 0);
  if (changed.length > 0) {
    const rows = await db
      .select({ id: schema.accounts.id, name: schema.accounts.name })
      .from(schema.accounts)
      .where(sql`${schema.accounts.id} in ${uuidList(changed.map((c) => c.id))}`);
    for (const row of rows) names.set(row.id, row.name);
    shown.push(
      ...changed
        .map((c) => ({ ...c, name: names.get(c.id) ?? "" }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, limit),
    );
  }
  return {
    version: policy.version,
    inForceVersion: inForce.version,
    asOf: today,
    accounts: facts.length,
    before: counts.before,
    after: counts.after,
    changedCount: changed.length,
    scoreChangedCount,
    changed: shown as PolicyPreview["changed"],
  };
}
