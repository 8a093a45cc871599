import { type Executor, queryRows } from "@keel/db";
import {
  type AccountMeasures,
  type CriterionStatus,
  checkCriterion,
  type HealthCategory,
  type HealthInputs,
  type ManualEvidence,
  type SuccessCriterion,
} from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

/** LH-2: what each account measures now (its latest health: score, category and trait values). */
export async function loadAccountMeasures(
  db: Executor,
  accountIds: readonly string[],
): Promise<Map<string, AccountMeasures>> {
  if (accountIds.length === 0) return new Map();
  const rows = await queryRows<{
    account_id: string;
    score: number | null;
    category: HealthCategory | null;
    values: HealthInputs | null;
  }>(
    db,
    sql`select a.id::text as account_id, h.score, h.category, h.inputs->'values' as values
      from accounts a left join account_health h on h.account_id = a.id
      where a.id in (${sql.join(
        accountIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return new Map(
    rows.map((row) => {
      const v = row.values ?? {};
      return [
        row.account_id,
        {
          healthScore: row.score,
          healthCategory: row.category,
          mauOverSeats: v.mauOverSeats ?? null,
          dauOverMau: v.dauOverMau ?? null,
          defectTickets90d: v.defectTickets90d ?? null,
          helpTickets90d: v.helpTickets90d ?? null,
          daysSinceLastActivity: v.daysSinceLastActivity ?? null,
          versionsBehind: v.versionsBehind ?? null,
          activeChampion: v.activeChampion ?? null,
          buyerAccess: v.buyerAccess ?? null,
        },
      ];
    }),
  );
}

type CriterionRow = {
  id: string;
  account_id: string;
  definition: SuccessCriterion;
  status: CriterionStatus;
  value: string | null;
  evidence: string | null;
  met_on: string | null;
};

/**
 * LH-2: check the success criteria of open enrolments (of these accounts, or all) against the
 * measures now, and record every status that changed, with when. Called in the transaction of
 * whatever moved a measure (health recompute, ingestion) and when a plan or evidence is saved.
 */
export async function recheckCriteria(
  db: Executor,
  { accountIds, enrolmentId, now }: { accountIds?: readonly string[]; enrolmentId?: string; now: Date },
): Promise<{ checked: number; changed: number }> {
  const scope: SQL[] = [sql`e.exited_at is null`];
  if (accountIds) {
    if (accountIds.length === 0) return { checked: 0, changed: 0 };
    scope.push(
      sql`e.account_id in (${sql.join(
        accountIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (enrolmentId) scope.push(sql`e.id = ${enrolmentId}::uuid`);
  const criteria = await queryRows<CriterionRow>(
    db,
    sql`select c.id::text, e.account_id::text, c.definition, c.status, c.value, c.evidence, c.met_on::text
      from lighthouse_criteria c join lighthouse_enrolments e on e.id = c.enrolment_id
      where ${sql.join(scope, sql` and `)}`,
  );
  if (criteria.length === 0) return { checked: 0, changed: 0 };
  const measures = await loadAccountMeasures(db, [...new Set(criteria.map((c) => c.account_id))]);
  let changed = 0;
  for (const criterion of criteria) {
    const evidence: ManualEvidence | null =
      criterion.evidence && criterion.met_on
        ? { evidence: criterion.evidence, metOn: criterion.met_on }
        : null;
    const check = checkCriterion(criterion.definition, measures.get(criterion.account_id) ?? {}, evidence);
    if (check.status === criterion.status && check.value === criterion.value) continue;
    await db.execute(sql`update lighthouse_criteria set status = ${check.status}, value = ${check.value},
        checked_at = ${now.toISOString()}::timestamptz where id = ${criterion.id}::uuid`);
    if (check.status !== criterion.status) {
      changed += 1;
      await db.execute(sql`insert into lighthouse_criterion_changes (criterion_id, status, value, changed_at)
        values (${criterion.id}::uuid, ${check.status}, ${check.value}, ${now.toISOString()}::timestamptz)`);
    }
  }
  return { checked: criteria.length, changed };
}
