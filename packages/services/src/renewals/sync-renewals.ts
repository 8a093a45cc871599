import { type Executor, queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { leadershipIds, notifyUsers } from "#automation/work.ts";

/**
 * R-1: every account with a renewal date has its open renewal for that date. A new date (a new
 * customer, or the next cycle after processing) opens one at the account's ARR and seats; a date
 * changed in the CRM moves the open renewal instead of leaving it behind. Overdue renewals tell
 * the AE and TA leadership, once. Runs in the daily sweep and after the writes that set a date.
 */
export async function syncRenewals(
  db: Executor,
  { today, at, accountIds }: { today: string; at: Date; accountIds?: readonly string[] },
): Promise<{ opened: number; moved: number; overdueNotified: number }> {
  const scope =
    accountIds === undefined ? sql`true` : sql`a.id = any(${`{${accountIds.join(",")}}`}::uuid[])`;
  const moved = await queryRows<{ id: string }>(
    db,
    sql`update renewals r set due_date = a.renewal_date, version = r.version + 1
      from accounts a
      where a.id = r.account_id and ${scope} and r.processed_at is null
        and a.renewal_date is not null and r.due_date <> a.renewal_date
        and not exists (select 1 from renewals o where o.account_id = a.id and o.due_date = a.renewal_date)
      returning r.id::text as id`,
  );
  const opened = await queryRows<{ id: string }>(
    db,
    sql`insert into renewals (account_id, due_date, arr_at_stake_cents, seats_at_stake, created_at)
      select a.id, a.renewal_date, a.arr_cents, a.seats_purchased, ${at.toISOString()}::timestamptz
      from accounts a
      where ${scope} and a.renewal_date is not null
        and not exists (select 1 from renewals r where r.account_id = a.id and r.due_date = a.renewal_date)
      on conflict (account_id, due_date) do nothing
      returning id::text as id`,
  );
  const overdue = await queryRows<{
    id: string;
    account_id: string;
    name: string;
    due_date: string;
    ae_id: string | null;
  }>(
    db,
    sql`update renewals r set overdue_notified_at = ${at.toISOString()}::timestamptz
      from accounts a
      left join account_team ae on ae.account_id = a.id and ae.role = 'ae'
      where a.id = r.account_id and ${scope} and r.processed_at is null
        and r.due_date < ${today}::date and r.overdue_notified_at is null
      returning r.id::text as id, a.id::text as account_id, a.name, r.due_date::text as due_date, ae.user_id as ae_id`,
  );
  if (overdue.length > 0) {
    const leaders = await leadershipIds(db);
    for (const renewal of overdue) {
      await notifyUsers(db, {
        userIds: [...leaders, ...(renewal.ae_id ? [renewal.ae_id] : [])],
        accountId: renewal.account_id,
        message: `${renewal.name}'s renewal was due on ${renewal.due_date} and has not been processed`,
        ruleId: "R-6",
        reason: `Due ${renewal.due_date}, not processed by ${today}`,
        at,
      });
    }
  }
  return { opened: opened.length, moved: moved.length, overdueNotified: overdue.length };
}
