import { loadHealthFacts, loadPolicyInForce, loadPolicyVersion } from "@keel/db";
import type { HealthBreakdown, HealthCategory, HealthInputs } from "@keel/domain";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { scoreFacts } from "#health/scores.ts";
import { explainStored } from "./health-view.ts";

export type HealthAsOfView = {
  accountId: string;
  asOf: string;
  score: number | null;
  category: HealthCategory;
  policyVersion: number;
  breakdown: HealthBreakdown;
  inputs: HealthInputs;
};

/**
 * X-4 time travel: the account's score as of a past day, computed from the stored inputs known
 * by the end of that day (manual traits as they stood then), under the policy in force then or
 * any version asked for. Nothing is stored.
 */
export async function getHealthAsOf(
  { db }: ServiceContext,
  { accountId, asOf, policyVersion }: { accountId: string; asOf: string; policyVersion?: number },
): Promise<HealthAsOfView> {
  let policy = await loadPolicyInForce(db, asOf).catch(() => null);
  if (policyVersion !== undefined) {
    const row = await loadPolicyVersion(db, policyVersion);
    if (!row) throw new ServiceError("not_found", `Health policy version ${policyVersion} does not exist`);
    policy = row.body;
  }
  if (!policy) {
    throw new ServiceError("unprocessable", `No health policy was in force on ${asOf}; pass policyVersion`);
  }
  const facts = await loadHealthFacts(db, { asOf, accountIds: [accountId], manualTraits: "history" });
  const [scored] = scoreFacts(facts, policy);
  if (!scored) throw new ServiceError("not_found", `Account ${accountId} does not exist`);
  return {
    accountId,
    asOf,
    score: scored.score,
    category: scored.category,
    policyVersion: scored.policyVersion,
    breakdown: explainStored(scored.breakdown, scored.inputs),
    inputs: scored.inputs.values,
  };
}
