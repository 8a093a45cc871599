import {
  type HealthCategory,
  quarterOf,
  type RenewalOutcome,
  type RenewalPhase,
  type RenewalRating,
  renewalPolicy,
} from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { escapeLike } from "#like.ts";
import { type RenewalSummary, selectRenewalSummaries } from "./renewal-view.ts";

export const renewalSorts = ["dueDate", "arr", "account", "phase", "health"] as const;
export type RenewalSort = (typeof renewalSorts)[number];

export type ListRenewalsInput = {
  /** "open" (default), "processed" or "all". */
  status: "open" | "processed" | "all";
  quarter?: string;
  phase?: RenewalPhase;
  rating?: RenewalRating;
  health?: HealthCategory;
  outcome?: RenewalOutcome;
  overdue?: boolean;
  /** Renewals of accounts where this person holds any seat (TA, AE, CE…): "mine". */
  seatHolderId?: string;
  /** Due within this many days from today (the pipeline's horizon). */
  withinDays?: number;
  search?: string;
  /** One account's renewals (the account page's section). */
  accountId?: string;
  sort: RenewalSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type RenewalPage = {
  items: RenewalSummary[];
  total: number;
  /** Per phase over the same filters (all phases): counts and ARR at stake, for the pipeline. */
  phases: Array<{ phase: RenewalPhase; count: number; arrAtStakeCents: number }>;
  overdue: number;
};

const phaseOrder: RenewalPhase[] = [
  "not_started",
  "health_assessment",
  "lighthouse",
  "save_plan",
  "monitor",
  "renewal_plan",
  "renewal_forecast",
  "processed",
];

/** The renewals pipeline (R-1): filtered and sorted on the server, paged, with phase totals. */
export async function listRenewals(ctx: ServiceContext, input: ListRenewalsInput): Promise<RenewalPage> {
  const today = todayOf(ctx.now);
  const filters: SQL[] = [sql`true`];
  if (input.status === "open") filters.push(sql`r.processed_at is null`);
  if (input.status === "processed") filters.push(sql`r.processed_at is not null`);
  if (input.quarter) {
    const [from, to] = quarterRange(input.quarter);
    filters.push(sql`r.due_date between ${from}::date and ${to}::date`);
  }
  if (input.withinDays !== undefined) {
    filters.push(sql`r.due_date <= ${today}::date + ${input.withinDays}::int`);
  }
  if (input.rating) filters.push(sql`ra.rating = ${input.rating}`);
  if (input.health === "unknown") filters.push(sql`(h.category is null or h.category = 'unknown')`);
  else if (input.health) filters.push(sql`h.category = ${input.health}`);
  if (input.outcome) filters.push(sql`r.outcome = ${input.outcome}`);
  if (input.overdue === true) filters.push(sql`r.processed_at is null and r.due_date < ${today}::date`);
  if (input.overdue === false)
    filters.push(sql`not (r.processed_at is null and r.due_date < ${today}::date)`);
  if (input.seatHolderId) {
    filters.push(
      sql`exists (select 1 from account_team s where s.account_id = r.account_id and s.user_id = ${input.seatHolderId})`,
    );
  }
  if (input.accountId) filters.push(sql`r.account_id = ${input.accountId}::uuid`);
  if (input.search) filters.push(sql`a.name ilike ${`%${escapeLike(input.search)}%`}`);

  // The phase is derived from what is recorded (domain), so the filtered set is read whole and
  // sorted and paged here: a quarter's renewals, not the book (BENCHMARKS.md has the figures).
  const all = await selectRenewalSummaries(ctx.db, { where: sql.join(filters, sql` and `), today });
  const phases = phaseOrder
    .map((phase) => {
      const inPhase = all.filter((r) => r.phase === phase);
      return {
        phase,
        count: inPhase.length,
        arrAtStakeCents: inPhase.reduce((sum, r) => sum + r.arrAtStakeCents, 0),
      };
    })
    .filter((p) => p.count > 0);
  const matching = input.phase ? all.filter((r) => r.phase === input.phase) : all;
  const sign = input.order === "asc" ? 1 : -1;
  const key: Record<RenewalSort, (r: RenewalSummary) => string | number> = {
    dueDate: (r) => r.dueDate,
    arr: (r) => r.arrAtStakeCents,
    account: (r) => r.accountName.toLowerCase(),
    phase: (r) => phaseOrder.indexOf(r.phase),
    health: (r) => ["red", "yellow", "green", "unknown"].indexOf(r.healthCategory),
  };
  const sorted = [...matching].sort((a, b) => {
    const x = key[input.sort](a);
    const y = key[input.sort](b);
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.dueDate === b.dueDate ? a.id.localeCompare(b.id) : a.dueDate < b.dueDate ? -1 : 1;
  });
  const start = (input.page - 1) * input.pageSize;
  return {
    items: sorted.slice(start, start + input.pageSize),
    total: matching.length,
    phases,
    overdue: all.filter((r) => r.overdue).length,
  };
}

/** "2027-Q1" → its first and last day, under the renewal policy's fiscal year. */
export function quarterRange(quarter: string): [string, string] {
  const [yearText, q] = quarter.split("-Q");
  const fiscalYear = Number(yearText);
  const startMonth = renewalPolicy.fiscalYearStartMonth;
  // The fiscal year is named by the calendar year it ends in (domain `quarterOf`).
  const firstMonthIndex = (startMonth - 1 + (Number(q) - 1) * 3) % 12;
  const calendarYear =
    startMonth === 1 ? fiscalYear : startMonth - 1 + (Number(q) - 1) * 3 >= 12 ? fiscalYear : fiscalYear - 1;
  const from = `${calendarYear}-${String(firstMonthIndex + 1).padStart(2, "0")}-01`;
  const end = new Date(Date.UTC(calendarYear, firstMonthIndex + 3, 0)).toISOString().slice(0, 10);
  if (quarterOf(from, renewalPolicy) !== quarter)
    throw new Error(`quarterRange(${quarter}) drifted from quarterOf`);
  return [from, end];
}
