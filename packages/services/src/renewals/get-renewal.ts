import { type Executor, queryRows } from "@keel/db";
import {
  type Actor,
  type ApprovalSide,
  addDays,
  allowedAccountActions,
  type DataForecast,
  dataForecastFromSums,
  type HealthCategory,
  isoWeekOf,
  type RenewalOutcome,
  type RenewalRating,
  renewalPolicy,
  type WeeklyForecastRow,
  weeklyForecastSeries,
  weeksBefore,
  weeksOutBucketOf,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { loadAssignments } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { keptDataForecastSums } from "./forecast-history.ts";
import { type PersonRef, type RenewalSummary, selectRenewalSummaries } from "./renewal-view.ts";

export type RenewalForecastEntry = {
  id: number;
  week: string;
  outcome: RenewalOutcome;
  expectedArrCents: number;
  expectedSeats: number;
  note: string | null;
  author: PersonRef | null;
  enteredAt: string;
};

/** What the person looking may do to this renewal (the UI shows only these; the server checks). */
export type RenewalActions = {
  assess: boolean;
  /** The side this person would approve for, when they may approve. */
  approveAs: ApprovalSide | null;
  plan: boolean;
  forecast: boolean;
  process: boolean;
};

export type RenewalDetail = RenewalSummary & {
  assessment: {
    rating: RenewalRating;
    summary: string;
    documentId: string | null;
    assessedBy: PersonRef | null;
    assessedAt: string;
    approvals: Array<{ side: ApprovalSide; by: PersonRef; at: string }>;
  } | null;
  plan: {
    projectedOutcome: RenewalOutcome;
    expectedArrCents: number;
    note: string | null;
    updatedBy: PersonRef | null;
    updatedAt: string;
  } | null;
  forecasts: RenewalForecastEntry[];
  /** Week by week from 16 weeks out (or the first forecast) to the due week or today. */
  weekly: WeeklyForecastRow[];
  /** what the product's own history expects, beside the AE's call (open renewals). */
  dataForecast: DataForecast | null;
  documents: { healthAssessmentId: string | null; savePlanId: string | null; churnRetroId: string | null };
  churnRetroId: string | null;
  closedLostCategory: string | null;
  churnReason: string | null;
  nextRenewalDate: string | null;
  processedBy: PersonRef | null;
  actions: RenewalActions;
};

/** One renewal with its assessment, plan, forecast history, documents and what you may do. */
export async function getRenewal(
  ctx: ServiceContext,
  { renewalId }: { renewalId: string },
): Promise<RenewalDetail> {
  const { db, actor } = ctx;
  const today = todayOf(ctx.now);
  const [summary] = await selectRenewalSummaries(db, { where: sql`r.id = ${renewalId}::uuid`, today });
  if (!summary) throw new ServiceError("not_found", `Renewal ${renewalId} does not exist`);

  const [extra] = await queryRows<{
    rating: RenewalRating | null;
    summary: string | null;
    document_id: string | null;
    assessed_by: string | null;
    assessed_by_name: string | null;
    assessed_at: string | null;
    projected_outcome: RenewalOutcome | null;
    plan_arr: string | null;
    plan_note: string | null;
    plan_by: string | null;
    plan_by_name: string | null;
    plan_at: string | null;
    closed_lost_category: string | null;
    churn_reason: string | null;
    next_renewal_date: string | null;
    processed_by: string | null;
    processed_by_name: string | null;
    retro_id: string | null;
    retro_document_id: string | null;
    health_assessment_id: string | null;
    save_plan_id: string | null;
  }>(
    db,
    sql`select ra.rating, ra.summary, ra.document_id::text, ra.assessed_by, au.name as assessed_by_name,
        ra.assessed_at::text, rp.projected_outcome, rp.expected_arr_cents::text as plan_arr, rp.note as plan_note,
        rp.updated_by as plan_by, pu.name as plan_by_name, rp.updated_at::text as plan_at,
        r.closed_lost_category, r.churn_reason, r.next_renewal_date::text, r.processed_by, xu.name as processed_by_name,
        cr.id::text as retro_id, cr.document_id::text as retro_document_id,
        (select d.id::text from documents d where d.account_id = r.account_id and d.template_id = 'health-assessment'
          and d.created_at >= (r.due_date - ${renewalPolicy.assessmentStartDays + 30}::int) order by d.created_at desc limit 1)
          as health_assessment_id,
        (select d.id::text from documents d where d.account_id = r.account_id and d.template_id = 'account-save-plan'
          and d.created_at >= (r.due_date - ${renewalPolicy.assessmentStartDays + 30}::int) order by d.created_at desc limit 1)
          as save_plan_id
      from renewals r
      left join renewal_assessments ra on ra.renewal_id = r.id
      left join "user" au on au.id = ra.assessed_by
      left join renewal_plans rp on rp.renewal_id = r.id
      left join "user" pu on pu.id = rp.updated_by
      left join "user" xu on xu.id = r.processed_by
      left join churn_retros cr on cr.renewal_id = r.id
      where r.id = ${renewalId}::uuid`,
  );
  const approvals = await queryRows<{
    side: ApprovalSide;
    user_id: string;
    name: string;
    approved_at: string;
  }>(
    db,
    sql`select p.side, p.user_id, u.name, p.approved_at::text from renewal_assessment_approvals p
      join "user" u on u.id = p.user_id where p.renewal_id = ${renewalId}::uuid order by p.side`,
  );
  const forecastRows = await queryRows<{
    id: number;
    week: string;
    outcome: RenewalOutcome;
    expected_arr_cents: string;
    expected_seats: number;
    note: string | null;
    author_id: string | null;
    author_name: string | null;
    entered_at: string;
  }>(
    db,
    sql`select f.id::int, f.week, f.outcome, f.expected_arr_cents::text, f.expected_seats, f.note,
        f.author_id, u.name as author_name, f.entered_at::text
      from renewal_forecasts f left join "user" u on u.id = f.author_id
      where f.renewal_id = ${renewalId}::uuid order by f.entered_at desc, f.id desc`,
  );
  const forecasts: RenewalForecastEntry[] = forecastRows.map((f) => ({
    id: Number(f.id),
    week: f.week,
    outcome: f.outcome,
    expectedArrCents: Number(f.expected_arr_cents),
    expectedSeats: f.expected_seats,
    note: f.note,
    author: f.author_id ? { id: f.author_id, name: f.author_name ?? f.author_id } : null,
    enteredAt: new Date(f.entered_at).toISOString(),
  }));

  const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
  const e = extra!;
  // The series runs to the processing day, or to today but not past the due date.
  const lastDay = summary.processedAt
    ? summary.processedAt.slice(0, 10)
    : [today, summary.dueDate].sort()[0]!;
  const firstForecastWeek = forecasts.at(-1)?.week;
  const sixteenOut = isoWeekOf(addDays(summary.dueDate, -16 * 7));
  const fromWeek = firstForecastWeek && firstForecastWeek < sixteenOut ? firstForecastWeek : sixteenOut;
  const toWeek = isoWeekOf(lastDay);
  const weekly =
    forecasts.length === 0 || fromWeek > toWeek
      ? []
      : weeklyForecastSeries(
          forecasts.map((f) => ({ ...f })),
          fromWeek,
          toWeek,
        );

  const team = (await loadAssignments(db, summary.accountId)) ?? {};
  const may = new Set(allowedAccountActions(actor, team));
  const open = summary.processedAt === null;
  // Offered only while the rating still needs this person's side (the server would take it again).
  const side =
    open && summary.rating && may.has("account.approveRenewalAssessment")
      ? await sideOf(ctx, actor, summary.approvals.missing)
      : null;

  return {
    ...summary,
    assessment:
      e.rating && e.summary !== null && e.assessed_at
        ? {
            rating: e.rating,
            summary: e.summary,
            documentId: e.document_id ?? e.health_assessment_id,
            assessedBy: person(e.assessed_by, e.assessed_by_name),
            assessedAt: new Date(e.assessed_at).toISOString(),
            approvals: approvals.map((a) => ({
              side: a.side,
              by: { id: a.user_id, name: a.name },
              at: new Date(a.approved_at).toISOString(),
            })),
          }
        : null,
    plan:
      e.projected_outcome && e.plan_at
        ? {
            projectedOutcome: e.projected_outcome,
            expectedArrCents: Number(e.plan_arr),
            note: e.plan_note,
            updatedBy: person(e.plan_by, e.plan_by_name),
            updatedAt: new Date(e.plan_at).toISOString(),
          }
        : null,
    forecasts,
    weekly,
    dataForecast: open ? await dataForecastOf(db, ctx.now, summary, today) : null,
    documents: {
      healthAssessmentId: e.document_id ?? e.health_assessment_id,
      savePlanId: e.save_plan_id,
      churnRetroId: e.retro_document_id,
    },
    churnRetroId: e.retro_id,
    closedLostCategory: e.closed_lost_category,
    churnReason: e.churn_reason,
    nextRenewalDate: e.next_renewal_date,
    processedBy: person(e.processed_by, e.processed_by_name),
    actions: {
      assess: open && may.has("account.assessRenewal"),
      approveAs: side,
      plan: open && may.has("account.editRenewalPlan"),
      forecast: open && may.has("account.editRenewalPlan"),
      process: open && may.has("account.editRenewalPlan"),
    },
  };
}

/**
 * SPEC §1: the side a leader approves for, while it is still missing: their own (a TS or Sales
 * manager); an admin, who has none, approves for the first side still missing.
 */
export async function sideOf(
  ctx: ServiceContext,
  actor: Actor,
  missing: readonly ApprovalSide[],
): Promise<ApprovalSide | null> {
  const [row] = await queryRows<{ leadership_side: ApprovalSide | null }>(
    ctx.db,
    sql`select leadership_side from "user" where id = ${actor.id}`,
  );
  if (row?.leadership_side) return missing.includes(row.leadership_side) ? row.leadership_side : null;
  return actor.roles.includes("admin") ? (missing[0] ?? null) : null;
}

/** the data forecast beside the AE's, from sums the database adds up (and keeps). */
async function dataForecastOf(
  db: Executor,
  now: Date,
  renewal: { healthCategory: HealthCategory; dueDate: string; arrAtStakeCents: number },
  today: string,
): Promise<DataForecast> {
  const weeksOut = Math.max(0, weeksBefore(renewal.dueDate, today));
  const forecast = { category: renewal.healthCategory, weeksOut, arrAtStakeCents: renewal.arrAtStakeCents };
  return dataForecastFromSums(
    forecast,
    await keptDataForecastSums(db, now, {
      category: renewal.healthCategory,
      band: weeksOutBucketOf(weeksOut),
    }),
  );
}
