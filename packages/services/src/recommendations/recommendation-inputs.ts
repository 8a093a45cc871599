import { type Executor, queryRows } from "@keel/db";
import { type AccountState, type HealthCategory, type Recommendation, recommend } from "@keel/domain";
import { sql } from "drizzle-orm";

export type RecommendationGroup = {
  accountId: string;
  accountName: string;
  renewalDate: string | null;
  healthCategory: HealthCategory | null;
  recommendations: Recommendation[];
};

export async function accountIdsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select account_id::text as id from account_team where user_id = ${userId} and role = 'ta'`,
  );
  return rows.map((r) => r.id);
}

/** Accounts with the most to do first, then the soonest renewal. */
export const byUrgency = (a: RecommendationGroup, b: RecommendationGroup) =>
  b.recommendations.length - a.recommendations.length ||
  (a.renewalDate ?? "9999").localeCompare(b.renewalDate ?? "9999") ||
  a.accountName.localeCompare(b.accountName);

export function group(state: AccountState, today: string): RecommendationGroup {
  return {
    accountId: state.accountId,
    accountName: state.name,
    renewalDate: state.renewalDate,
    healthCategory: state.healthCategory,
    recommendations: recommend(state, today),
  };
}
