import { daysBetween, type EnrolmentSource, type EnrolmentState, isoDay } from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { escapeLike } from "#like.ts";
import { type EnrolmentRow, loadEnrolments } from "./load-enrolments.ts";

export const enrolmentSorts = [
  "enteredAt",
  "account",
  "lastUpdate",
  "arr",
  "renewalDate",
  "criteria",
] as const;
export type EnrolmentSort = (typeof enrolmentSorts)[number];

export type ListEnrolmentsInput = {
  status: "open" | "exited" | "all";
  state?: EnrolmentState;
  source?: EnrolmentSource;
  /** Accounts where this person holds any seat, or that they sponsor. */
  mineOf?: string;
  search?: string;
  /** One account's stays (the account page). */
  accountId?: string;
  sort: EnrolmentSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type EnrolmentSummary = Omit<EnrolmentRow, "updateDays" | "reason"> & {
  reason: string;
  /** Whole days since the last update (or since entry, with none): X-6's "not updated in 7 days". */
  daysSinceUpdate: number;
  needsSponsor: boolean;
};

/** SPEC §11 / LH-5: the Lighthouse master list — filtered, sorted and paged on the server. */
export async function listEnrolments(
  ctx: ServiceContext,
  input: ListEnrolmentsInput,
): Promise<{ items: EnrolmentSummary[]; total: number }> {
  const today = isoDay(ctx.now);
  const filters: SQL[] = [sql`true`];
  if (input.status === "open") filters.push(sql`e.exited_at is null`);
  if (input.status === "exited") filters.push(sql`e.exited_at is not null`);
  if (input.source) filters.push(sql`e.source = ${input.source}`);
  if (input.accountId) filters.push(sql`e.account_id = ${input.accountId}::uuid`);
  if (input.search) filters.push(sql`a.name ilike ${`%${escapeLike(input.search)}%`}`);
  if (input.mineOf) {
    filters.push(sql`(e.sponsor_id = ${input.mineOf} or exists (select 1 from account_team s
      where s.account_id = e.account_id and s.user_id = ${input.mineOf}))`);
  }
  const rows = (await loadEnrolments(ctx.db, sql.join(filters, sql` and `)))
    .filter((row) => !input.state || row.state === input.state)
    .map(
      ({ updateDays, ...row }): EnrolmentSummary => ({
        ...row,
        daysSinceUpdate: Math.max(0, daysBetween(updateDays.at(-1) ?? row.enteredOn, today)),
        needsSponsor: row.exit === null && row.sponsor === null,
      }),
    );
  const key: Record<EnrolmentSort, (row: EnrolmentSummary) => string | number> = {
    enteredAt: (row) => row.enteredAt,
    account: (row) => row.accountName.toLowerCase(),
    lastUpdate: (row) => row.lastUpdateAt ?? "",
    arr: (row) => row.arrCents,
    renewalDate: (row) => row.renewalDate ?? "9999-12-31",
    criteria: (row) => (row.criteriaTotal === 0 ? 0 : row.criteriaMet / row.criteriaTotal),
  };
  const sign = input.order === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const [x, y] = [key[input.sort](a), key[input.sort](b)];
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.id < b.id ? -1 : 1;
  });
  const start = (input.page - 1) * input.pageSize;
  return { items: rows.slice(start, start + input.pageSize), total: rows.length };
}
