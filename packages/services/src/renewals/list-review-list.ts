import { queryRows } from "@keel/db";
import { type HealthCategory, renewalPolicy, reviewListEntry } from "@keel/domain";
import { sql } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { type RenewalSummary, selectRenewalSummaries } from "./renewal-view.ts";

export type ReviewListItem = RenewalSummary & { enteredOn: string; reason: string };

/**
 * R-3 (seed 003): the Yellow/Red Renewals review list, kept continuously: every open renewal due
 * within 180 days whose health is yellow or red, with the day it came on the list and why; it
 * leaves when the account is green again or the renewal is processed. Longest on the list first.
 */
export async function listReviewList(
  ctx: ServiceContext,
  { seatHolderId }: { seatHolderId?: string } = {},
): Promise<{ today: string; items: ReviewListItem[] }> {
  const today = todayOf(ctx.now);
  const mine = seatHolderId
    ? sql`and exists (select 1 from account_team s where s.account_id = r.account_id and s.user_id = ${seatHolderId})`
    : sql``;
  const candidates = await selectRenewalSummaries(ctx.db, {
    where: sql`r.processed_at is null and r.due_date <= ${today}::date + ${renewalPolicy.reviewHorizonDays}::int
      and h.category in ('yellow', 'red') ${mine}`,
    today,
  });
  if (candidates.length === 0) return { today, items: [] };
  // The day each account last moved into yellow or red (H-5 category changes).
  const since = await queryRows<{ account_id: string; since: string }>(
    ctx.db,
    sql`select account_id::text, max(at)::date::text as since from health_category_changes
      where account_id = any(${`{${candidates.map((c) => c.accountId).join(",")}}`}::uuid[])
        and to_category in ('yellow', 'red') and from_category not in ('yellow', 'red')
      group by account_id`,
  );
  const sinceOf = new Map(since.map((row) => [row.account_id, row.since]));
  const items: ReviewListItem[] = [];
  for (const renewal of candidates) {
    const entry = reviewListEntry(
      {
        dueDate: renewal.dueDate,
        processed: false,
        category: renewal.healthCategory as HealthCategory,
        categorySince: sinceOf.get(renewal.accountId) ?? null,
      },
      today,
      renewalPolicy,
    );
    if (entry) items.push({ ...renewal, ...entry });
  }
  items.sort((a, b) =>
    a.enteredOn === b.enteredOn ? a.dueDate.localeCompare(b.dueDate) : a.enteredOn < b.enteredOn ? -1 : 1,
  );
  return { today, items };
}
