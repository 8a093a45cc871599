import { type Executor, queryRows } from "@keel/db";
import { type AccountState, type HealthCategory, type Recommendation, recommend } from "@keel/domain";
import { sql } from "drizzle-orm";
import { loadAccountStates } from "#automation/account-state.ts";

export type RecommendationGroup = {
  accountId: string;
  accountName: string;
  renewalDate: string | null;
  healthCategory: HealthCategory | null;
  recommendations: Recommendation[];
};

async function accountIdsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select account_id::text as id from account_team where user_id = ${userId} and role = 'ta'`,
  );
  return rows.map((r) => r.id);
}

/** Accounts with the most to do first, then the soonest renewal. */
const byUrgency = (a: RecommendationGroup, b: RecommendationGroup) =>
  b.recommendations.length - a.recommendations.length ||
  (a.renewalDate ?? "9999").localeCompare(b.renewalDate ?? "9999") ||
  a.accountName.localeCompare(b.accountName);

function group(state: AccountState, today: string): RecommendationGroup {
  return {
    accountId: state.accountId,
    accountName: state.name,
    renewalDate: state.renewalDate,
    healthCategory: state.healthCategory,
    recommendations: recommend(state, today),
  };
}

/** SPEC §10 for a TA's book: one group per account that has something to do. */
export async function recommendationsForTa(
  db: Executor,
  { userId, today }: { userId: string; today: string },
): Promise<{ groups: RecommendationGroup[]; accounts: number }> {
  const ids = await accountIdsOf(db, userId);
  if (ids.length === 0) return { groups: [], accounts: 0 };
  const states = await loadAccountStates(db, { accountIds: ids });
  const groups = states
    .map((s) => group(s, today))
    .filter((g) => g.recommendations.length > 0)
    .sort(byUrgency);
  return { groups, accounts: states.length };
}

export async function recommendationsForAccount(
  db: Executor,
  { accountId, today }: { accountId: string; today: string },
): Promise<RecommendationGroup | null> {
  const [state] = await loadAccountStates(db, { accountIds: [accountId] });
  return state ? group(state, today) : null;
}
