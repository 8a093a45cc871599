import { type Executor, queryRows } from "@keel/db";
import { type SQL, sql } from "drizzle-orm";

type PersonRef = { id: string; name: string };

export type ChurnRetroAction = {
  id: string;
  title: string;
  owner: PersonRef | null;
  dueDate: string;
  status: "open" | "done";
  version: number;
};

export type ChurnRetroView = {
  id: string;
  renewalId: string;
  accountId: string;
  accountName: string;
  dueDate: string;
  outcome: string | null;
  arrLostCents: number;
  seatsBefore: number;
  seatsAfter: number | null;
  closedLostCategory: string | null;
  churnReason: string | null;
  lessonsLearned: string;
  status: "open" | "reviewed" | "closed";
  sponsor: PersonRef | null;
  ta: PersonRef | null;
  ae: PersonRef | null;
  documentId: string | null;
  reviewTaskId: string | null;
  createdAt: string;
  actions: ChurnRetroAction[];
  openActions: number;
  version: number;
};

/** R-7 retros matching `where` (over `cr` churn_retros, `r` renewals, `a` accounts), newest first. */
export async function selectChurnRetros(db: Executor, where: SQL): Promise<ChurnRetroView[]> {
  const rows = await queryRows<{
    id: string;
    renewal_id: string;
    account_id: string;
    account_name: string;
    due_date: string;
    outcome: string | null;
    arr_lost_cents: string;
    seats_before: number;
    seats_after: number | null;
    closed_lost_category: string | null;
    churn_reason: string | null;
    lessons_learned: string;
    status: "open" | "reviewed" | "closed";
    sponsor_id: string | null;
    sponsor_name: string | null;
    ta_id: string | null;
    ta_name: string | null;
    ae_id: string | null;
    ae_name: string | null;
    document_id: string | null;
    review_task_id: string | null;
    created_at: string;
    version: number;
  }>(
    db,
    sql`select cr.id::text, cr.renewal_id::text, cr.account_id::text, a.name as account_name, r.due_date::text,
        r.outcome, cr.arr_lost_cents::text, r.seats_at_stake as seats_before, r.seats_after,
        cr.closed_lost_category, cr.churn_reason, cr.lessons_learned, cr.status,
        cr.sponsor_id, su.name as sponsor_name, ta.user_id as ta_id, tu.name as ta_name,
        ae.user_id as ae_id, eu.name as ae_name, cr.document_id::text, cr.review_task_id::text,
        cr.created_at::text, cr.version
      from churn_retros cr
      join renewals r on r.id = cr.renewal_id
      join accounts a on a.id = cr.account_id
      left join "user" su on su.id = cr.sponsor_id
      left join account_team ta on ta.account_id = cr.account_id and ta.role = 'ta'
      left join "user" tu on tu.id = ta.user_id
      left join account_team ae on ae.account_id = cr.account_id and ae.role = 'ae'
      left join "user" eu on eu.id = ae.user_id
      where ${where}
      order by cr.created_at desc, cr.id`,
  );
  if (rows.length === 0) return [];
  const actions = await queryRows<{
    id: string;
    retro_id: string;
    title: string;
    owner_id: string | null;
    owner_name: string | null;
    due_date: string;
    status: "open" | "done";
    version: number;
  }>(
    db,
    sql`select x.id::text, x.retro_id::text, x.title, x.owner_id, u.name as owner_name, x.due_date::text, x.status, x.version
      from churn_retro_actions x left join "user" u on u.id = x.owner_id
      where x.retro_id = any(${`{${rows.map((r) => r.id).join(",")}}`}::uuid[])
      order by x.due_date, x.created_at, x.id`,
  );
  const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
  return rows.map((row) => {
    const own = actions
      .filter((x) => x.retro_id === row.id)
      .map((x) => ({
        id: x.id,
        title: x.title,
        owner: person(x.owner_id, x.owner_name),
        dueDate: x.due_date,
        status: x.status,
        version: x.version,
      }));
    return {
      id: row.id,
      renewalId: row.renewal_id,
      accountId: row.account_id,
      accountName: row.account_name,
      dueDate: row.due_date,
      outcome: row.outcome,
      arrLostCents: Number(row.arr_lost_cents),
      seatsBefore: row.seats_before,
      seatsAfter: row.seats_after,
      closedLostCategory: row.closed_lost_category,
      churnReason: row.churn_reason,
      lessonsLearned: row.lessons_learned,
      status: row.status,
      sponsor: person(row.sponsor_id, row.sponsor_name),
      ta: person(row.ta_id, row.ta_name),
      ae: person(row.ae_id, row.ae_name),
      documentId: row.document_id,
      reviewTaskId: row.review_task_id,
      createdAt: new Date(row.created_at).toISOString(),
      actions: own,
      openActions: own.filter((x) => x.status === "open").length,
      version: row.version,
    };
  });
}
