import { queryRows } from "@keel/db";
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
import { phaseSql } from "./phase-sql.ts";
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
  if (input.rating) filters.push(sql`r.rating = ${input.rating}`);
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

  // The phase is counted, filtered and sorted in the database (`phaseSql`, the domain's rule);
  // only the page's rows are read whole and described by the domain.
  const phase = phaseSql(today);
  // The account and its health are joined only when a filter or the sort reads them.
  const needsAccount = input.search !== undefined || input.sort === "account";
  const needsHealth = input.health !== undefined || input.sort === "health";
  const from = sql`from renewals r
      ${needsAccount ? sql`join accounts a on a.id = r.account_id` : sql``}
      ${needsHealth ? sql`left join account_health h on h.account_id = r.account_id` : sql``}
    where ${sql.join(filters, sql` and `)}`;
  const direction = input.order === "asc" ? sql`asc` : sql`desc`;
  const key: Record<RenewalSort, SQL> = {
    dueDate: sql`r.due_date`,
    arr: sql`r.arr_at_stake_cents`,
    account: sql`lower(a.name) collate "C"`,
    phase: sql`array_position(${sqlTextArray(phaseOrder)}, ${phase})`,
    health: sql`array_position(${sqlTextArray(healthOrder)}, coalesce(h.category, 'unknown'))`,
  };
  // The phase totals and the page (its ids, then its rows whole) are independent: read together.
  const pageItems = async (): Promise<RenewalSummary[]> => {
    const page = await queryRows<{ id: string }>(
      ctx.db,
      sql`select r.id::text ${from} ${input.phase ? sql`and ${phase} = ${input.phase}` : sql``}
      order by ${key[input.sort]} ${direction}, r.due_date, r.id
      limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`,
    );
    const ids = page.map((row) => row.id);
    if (ids.length === 0) return [];
    const rows = await selectRenewalSummaries(ctx.db, {
      where: sql`r.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
      today,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const [totals, items] = await Promise.all([
    queryRows<{ phase: RenewalPhase; count: number; arr: string; overdue: number }>(
      ctx.db,
      sql`select ${phase} as phase, count(*)::int as count, coalesce(sum(r.arr_at_stake_cents), 0)::text as arr,
        (count(*) filter (where r.processed_at is null and r.due_date < ${today}::date))::int as overdue
      ${from} group by 1`,
    ),
    pageItems(),
  ]);
  const phases = phaseOrder.flatMap((p) => {
    const row = totals.find((t) => t.phase === p);
    return row ? [{ phase: p, count: row.count, arrAtStakeCents: Number(row.arr) }] : [];
  });
  const total = input.phase
    ? (phases.find((p) => p.phase === input.phase)?.count ?? 0)
    : phases.reduce((sum, p) => sum + p.count, 0);

  return {
    items,
    total,
    phases,
    overdue: totals.reduce((sum, t) => sum + t.overdue, 0),
  };
}

const healthOrder = ["red", "yellow", "green", "unknown"] as const;
const sqlTextArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

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
