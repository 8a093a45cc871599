import { type Executor, queryRows } from "@keel/db";
import {
  type ApprovalSide,
  approvalStatus,
  type HealthCategory,
  type RenewalOutcome,
  type RenewalPhaseState,
  type RenewalRating,
  renewalPhase,
  renewalPolicy,
  type SavePlanState,
  savePlanState,
} from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

export type PersonRef = { id: string; name: string };

/** One renewal as the pipeline shows it: the account, its team, what is recorded, the phase. */
export type RenewalSummary = {
  id: string;
  accountId: string;
  accountName: string;
  dueDate: string;
  arrAtStakeCents: number;
  seatsAtStake: number;
  currency: string;
  ta: PersonRef | null;
  ae: PersonRef | null;
  healthCategory: HealthCategory;
  rating: RenewalRating | null;
  approvals: { ts: boolean; sales: boolean; complete: boolean; missing: ApprovalSide[] };
  projectedOutcome: RenewalOutcome | null;
  latestForecast: {
    week: string;
    outcome: RenewalOutcome;
    expectedArrCents: number;
    expectedSeats: number;
    enteredAt: string;
  } | null;
  forecastCount: number;
  outcome: RenewalOutcome | null;
  arrAfterCents: number | null;
  seatsAfter: number | null;
  processedAt: string | null;
  savePlan: SavePlanState;
  version: number;
} & RenewalPhaseState;

type Row = {
  id: string;
  account_id: string;
  account_name: string;
  due_date: string;
  arr_at_stake_cents: string;
  seats_at_stake: number;
  currency: string;
  ta_id: string | null;
  ta_name: string | null;
  ae_id: string | null;
  ae_name: string | null;
  health_category: HealthCategory | null;
  rating: RenewalRating | null;
  approved_sides: ApprovalSide[] | null;
  projected_outcome: RenewalOutcome | null;
  forecast_count: number;
  latest_week: string | null;
  latest_outcome: RenewalOutcome | null;
  latest_arr_cents: string | null;
  latest_seats: number | null;
  latest_entered_at: string | null;
  outcome: RenewalOutcome | null;
  arr_after_cents: string | null;
  seats_after: number | null;
  processed_at: string | null;
  save_plan_updated_on: string | null;
  version: number;
};

/**
 * The renewals matching `where` (SQL over `r` renewals, `a` accounts, `h` account_health, `ta`/`ae`
 * seats), with what each has recorded; the phase and save-plan state come from @keel/domain.
 */
export async function selectRenewalSummaries(
  db: Executor,
  { where, today, limit }: { where: SQL; today: string; limit?: number },
): Promise<RenewalSummary[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select r.id::text, r.account_id::text, a.name as account_name, r.due_date::text,
        r.arr_at_stake_cents::text, r.seats_at_stake, a.currency,
        ta.user_id as ta_id, ta_user.name as ta_name, ae.user_id as ae_id, ae_user.name as ae_name,
        h.category as health_category,
        ra.rating,
        (select array_agg(p.side order by p.side) from renewal_assessment_approvals p where p.renewal_id = r.id) as approved_sides,
        rp.projected_outcome,
        (select count(*)::int from renewal_forecasts f where f.renewal_id = r.id) as forecast_count,
        lf.week as latest_week, lf.outcome as latest_outcome, lf.expected_arr_cents::text as latest_arr_cents,
        lf.expected_seats as latest_seats, lf.entered_at::text as latest_entered_at,
        r.outcome, r.arr_after_cents::text, r.seats_after, r.processed_at::text,
        (select max(d.updated_at)::date::text from documents d
          where d.account_id = r.account_id and d.template_id = 'account-save-plan'
            and d.created_at >= (r.due_date - ${renewalPolicy.assessmentStartDays}::int)) as save_plan_updated_on,
        r.version
      from renewals r
      join accounts a on a.id = r.account_id
      left join account_health h on h.account_id = r.account_id
      left join account_team ta on ta.account_id = r.account_id and ta.role = 'ta'
      left join "user" ta_user on ta_user.id = ta.user_id
      left join account_team ae on ae.account_id = r.account_id and ae.role = 'ae'
      left join "user" ae_user on ae_user.id = ae.user_id
      left join renewal_assessments ra on ra.renewal_id = r.id
      left join renewal_plans rp on rp.renewal_id = r.id
      left join lateral (
        select f.week, f.outcome, f.expected_arr_cents, f.expected_seats, f.entered_at
        from renewal_forecasts f where f.renewal_id = r.id
        order by f.entered_at desc, f.id desc limit 1
      ) lf on true
      where ${where}
      order by r.due_date, a.name, r.id
      ${limit === undefined ? sql`` : sql`limit ${limit}`}`,
  );
  return rows.map((row) => summaryOf(row, today));
}

function summaryOf(row: Row, today: string): RenewalSummary {
  const sides = (row.approved_sides ?? []).map((side) => ({ side }));
  const approvals = approvalStatus({ approvals: sides });
  const processed = row.processed_at !== null;
  const state = renewalPhase(
    {
      dueDate: row.due_date,
      assessment: row.rating
        ? { rating: row.rating, tsApproved: approvals.ts, salesApproved: approvals.sales }
        : null,
      hasPlan: row.projected_outcome !== null,
      forecastCount: row.forecast_count,
      processed,
    },
    today,
    renewalPolicy,
  );
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    dueDate: row.due_date,
    arrAtStakeCents: Number(row.arr_at_stake_cents),
    seatsAtStake: row.seats_at_stake,
    currency: row.currency,
    ta: row.ta_id ? { id: row.ta_id, name: row.ta_name ?? row.ta_id } : null,
    ae: row.ae_id ? { id: row.ae_id, name: row.ae_name ?? row.ae_id } : null,
    healthCategory: row.health_category ?? "unknown",
    rating: row.rating,
    approvals,
    projectedOutcome: row.projected_outcome,
    latestForecast:
      row.latest_week && row.latest_outcome
        ? {
            week: row.latest_week,
            outcome: row.latest_outcome,
            expectedArrCents: Number(row.latest_arr_cents),
            expectedSeats: row.latest_seats ?? 0,
            enteredAt: new Date(row.latest_entered_at!).toISOString(),
          }
        : null,
    forecastCount: row.forecast_count,
    outcome: row.outcome,
    arrAfterCents: row.arr_after_cents === null ? null : Number(row.arr_after_cents),
    seatsAfter: row.seats_after,
    processedAt: row.processed_at ? new Date(row.processed_at).toISOString() : null,
    savePlan: processed
      ? "not_needed"
      : savePlanState({
          rating: approvals.complete ? row.rating : null,
          savePlanDocument: row.save_plan_updated_on ? { updatedAt: row.save_plan_updated_on } : null,
          today,
          policy: renewalPolicy,
        }),
    version: row.version,
    ...state,
  };
}
