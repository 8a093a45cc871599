import { loadAccountStates } from "#automation/account-state.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { group, type RecommendationGroup } from "./recommendation-inputs.ts";

export async function getAccountRecommendations(
  { db, now }: ServiceContext,
  { accountId }: { accountId: string },
): Promise<RecommendationGroup> {
  const today = todayOf(now);
  const [state] = await loadAccountStates(db, { accountIds: [accountId] });
  if (!state) throw new ServiceError("not_found", `Account ${accountId} does not exist`);
  return group(state, today);
}
