import { type Executor, queryRows } from "@keel/db";
import {
  type CriterionStatus,
  criteriaProgress,
  type EnrolmentSource,
  type EnrolmentState,
  type ExitOutcome,
  enrolmentState,
  type HealthCategory,
  isoDay,
} from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

/** One enrolment as the master list, the metrics and the agenda read it. */
export type EnrolmentRow = {
  id: string;
  accountId: string;
  accountName: string;
  source: EnrolmentSource;
  reason: string;
  enteredAt: string;
  enteredOn: string;
  enteredBy: { id: string; name: string } | null;
  sponsor: { id: string; name: string } | null;
  taName: string | null;
  planPresentedOn: string | null;
  exit: { outcome: ExitOutcome; on: string } | null;
  state: EnrolmentState;
  criteriaMet: number;
  criteriaTotal: number;
  lastUpdateAt: string | null;
  healthCategory: HealthCategory | null;
  arrCents: number;
  renewalDate: string | null;
  updateDays: string[];
};

/**
 * Every enrolment matching `where` (SQL over `e` enrolments and `a` accounts) with what the
 * program's lists need, its state derived by the domain. The program holds tens to hundreds of
 * accounts at a time, so the lists read it whole and page in memory.
 */
export async function loadEnrolments(db: Executor, where: SQL = sql`true`): Promise<EnrolmentRow[]> {
  const rows = await queryRows<{
    id: string;
    account_id: string;
    account_name: string;
    source: EnrolmentSource;
    reason: string;
    entered_at: string;
    entered_by: string | null;
    entered_by_name: string | null;
    sponsor_id: string | null;
    sponsor_name: string | null;
    ta_name: string | null;
    plan_presented_on: string | null;
    exit_outcome: ExitOutcome | null;
    exited_at: string | null;
    statuses: CriterionStatus[] | null;
    update_times: string[] | null;
    category: HealthCategory | null;
    arr_cents: string;
    renewal_date: string | null;
  }>(
    db,
    sql`select e.id::text, e.account_id::text, a.name as account_name, e.source, e.reason, e.entered_at::text,
        e.entered_by, eb.name as entered_by_name, e.sponsor_id, sp.name as sponsor_name, tau.name as ta_name,
        e.plan_presented_on::text, e.exit_outcome, e.exited_at::text,
        (select array_agg(c.status order by c.position) from lighthouse_criteria c where c.enrolment_id = e.id) as statuses,
        (select array_agg(u.created_at::text order by u.created_at) from lighthouse_updates u where u.enrolment_id = e.id) as update_times,
        h.category, a.arr_cents::text, a.renewal_date::text
      from lighthouse_enrolments e
      join accounts a on a.id = e.account_id
      left join account_health h on h.account_id = e.account_id
      left join account_team ta on ta.account_id = e.account_id and ta.role = 'ta'
      left join "user" tau on tau.id = ta.user_id
      left join "user" eb on eb.id = e.entered_by
      left join "user" sp on sp.id = e.sponsor_id
      where ${where}
      order by e.entered_at desc, e.id`,
  );
  return rows.map((row) => {
    const progress = criteriaProgress(row.statuses ?? []);
    const updateTimes = (row.update_times ?? []).map((t) => new Date(t).toISOString());
    const updateDays = updateTimes.map((t) => isoDay(new Date(t)));
    const enteredOn = isoDay(new Date(row.entered_at));
    const exit =
      row.exit_outcome && row.exited_at
        ? { outcome: row.exit_outcome, on: isoDay(new Date(row.exited_at)) }
        : null;
    const { state } = enrolmentState({
      enteredOn,
      planPresentedOn: row.plan_presented_on,
      updateDays,
      criteria: progress,
      exit,
    });
    return {
      id: row.id,
      accountId: row.account_id,
      accountName: row.account_name,
      source: row.source,
      reason: row.reason,
      enteredAt: new Date(row.entered_at).toISOString(),
      enteredOn,
      enteredBy: row.entered_by ? { id: row.entered_by, name: row.entered_by_name ?? row.entered_by } : null,
      sponsor: row.sponsor_id ? { id: row.sponsor_id, name: row.sponsor_name ?? row.sponsor_id } : null,
      taName: row.ta_name,
      planPresentedOn: row.plan_presented_on,
      exit,
      state,
      criteriaMet: progress.met,
      criteriaTotal: progress.total,
      lastUpdateAt: updateTimes.at(-1) ?? null,
      healthCategory: row.category,
      arrCents: Number(row.arr_cents),
      renewalDate: row.renewal_date,
      updateDays,
    };
  });
}
