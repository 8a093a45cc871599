import { loadAccountStates } from "#automation/account-state.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import { accountIdsOf, byUrgency, group, type RecommendationGroup } from "./recommendation-inputs.ts";

/** SPEC §10 for a TA's book: one group per account that has something to do. */
export async function listTaRecommendations(
  { db, now }: ServiceContext,
  { userId }: { userId: string },
): Promise<{ groups: RecommendationGroup[]; accounts: number }> {
  const today = todayOf(now);
  const ids = await accountIdsOf(db, userId);
  if (ids.length === 0) return { groups: [], accounts: 0 };
  const states = await loadAccountStates(db, { accountIds: ids });
  const groups = states
    .map((s) => group(s, today))
    .filter((g) => g.recommendations.length > 0)
    .sort(byUrgency);
  return { groups, accounts: states.length };
}
