import { loadHealthFacts, loadPolicyInForce, schema } from "@keel/db";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { scoreFacts } from "#health/scores.ts";
import { type AccountHealthView, explainStored, loadManualTraits } from "./health-view.ts";

/** H-3/H-4: an account's current score with its breakdown and editable manual traits. */
export async function getAccountHealth(
  { db }: ServiceContext,
  { accountId, today }: { accountId: string; today: string },
): Promise<AccountHealthView> {
  const policy = await loadPolicyInForce(db, today);
  const [stored] = await db
    .select()
    .from(schema.accountHealth)
    .where(eq(schema.accountHealth.accountId, accountId));
  const manualTraits = await loadManualTraits(db, accountId, today, policy);
  if (stored) {
    return {
      accountId,
      score: stored.score,
      category: stored.category,
      policyVersion: stored.policyVersion,
      computedAt: stored.computedAt.toISOString(),
      breakdown: explainStored(stored.breakdown, stored.inputs),
      manualTraits,
    };
  }
  // Not scored yet (a new account before the next sweep): compute it, store nothing.
  const [computed] = scoreFacts(
    await loadHealthFacts(db, { asOf: today, accountIds: [accountId], manualTraits: "current" }),
    policy,
  );
  return {
    accountId,
    score: computed?.score ?? null,
    category: computed?.category ?? "unknown",
    policyVersion: policy.version,
    computedAt: null,
    breakdown: computed ? explainStored(computed.breakdown, computed.inputs) : { categories: [], traits: [] },
    manualTraits,
  };
}
