import { schema } from "@keel/db";
import {
  type AccountSort,
  type AccountSummary,
  daysBetween,
  type HealthCategory,
  type LifecycleStage,
  type Segment,
} from "@keel/domain";
import { and, asc, desc, eq, gte, ilike, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ServiceContext } from "#context.ts";
import { escapeLike } from "#like.ts";

export type ListAccountsInput = {
  /** A user id, or null for accounts with no TA. Undefined: any. */
  taUserId?: string | null;
  segment?: Segment;
  stage?: LifecycleStage;
  renewalFrom?: string;
  renewalTo?: string;
  search?: string;
  /** H-3 category; "unknown" includes accounts not scored yet. */
  health?: HealthCategory;
  sort: AccountSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
  /** ISO day that "days to renewal" counts from. */
  today: string;
};

const { accounts, accountHealth, accountTeam, user } = schema;

/** The book of business: filtered, sorted, paged, with the TA on each row. */
export async function listAccounts({ db }: ServiceContext, input: ListAccountsInput) {
  const taSeat = alias(accountTeam, "ta_seat");
  const taUser = alias(user, "ta_user");

  const filters: SQL[] = [];
  if (input.taUserId === null) filters.push(isNull(taSeat.userId));
  else if (input.taUserId !== undefined) filters.push(eq(taSeat.userId, input.taUserId));
  if (input.segment) filters.push(eq(accounts.segment, input.segment));
  if (input.stage) filters.push(eq(accounts.lifecycleStage, input.stage));
  if (input.renewalFrom) filters.push(gte(accounts.renewalDate, input.renewalFrom));
  if (input.renewalTo) filters.push(lte(accounts.renewalDate, input.renewalTo));
  if (input.search) filters.push(ilike(accounts.name, `%${escapeLike(input.search)}%`));
  if (input.health === "unknown") {
    filters.push(or(isNull(accountHealth.accountId), eq(accountHealth.category, "unknown"))!);
  } else if (input.health) filters.push(eq(accountHealth.category, input.health));

  const sortColumn = {
    name: accounts.name,
    arr: accounts.arrCents,
    renewalDate: accounts.renewalDate,
    segment: accounts.segment,
    stage: accounts.lifecycleStage,
    ta: taUser.name,
    health: accountHealth.score,
  }[input.sort];
  const direction = input.order === "asc" ? asc : desc;
  // Nulls (no renewal date, no TA) go last in both directions; name and id break ties so pages are stable.
  const orderBy = [sql`${sortColumn} is null`, direction(sortColumn), asc(accounts.name), asc(accounts.id)];

  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      segment: accounts.segment,
      lifecycleStage: accounts.lifecycleStage,
      arrCents: accounts.arrCents,
      currency: accounts.currency,
      seatsPurchased: accounts.seatsPurchased,
      renewalDate: accounts.renewalDate,
      supportLevel: accounts.supportLevel,
      redAccount: accounts.redAccount,
      healthScore: accountHealth.score,
      healthCategory: accountHealth.category,
      taUserId: taUser.id,
      taName: taUser.name,
      taEmail: taUser.email,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(accounts)
    .leftJoin(taSeat, and(eq(taSeat.accountId, accounts.id), eq(taSeat.role, "ta")))
    .leftJoin(taUser, eq(taUser.id, taSeat.userId))
    .leftJoin(accountHealth, eq(accountHealth.accountId, accounts.id))
    .where(and(...filters))
    .orderBy(...orderBy)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);

  const items: AccountSummary[] = rows.map(({ taUserId, taName, taEmail, total: _total, ...row }) => ({
    ...row,
    daysToRenewal: row.renewalDate ? daysBetween(input.today, row.renewalDate) : null,
    ta: taUserId ? { userId: taUserId, name: taName ?? "", email: taEmail ?? "" } : null,
  }));
  let total = rows[0]?.total ?? 0;
  // A page past the end has no rows to carry the window count: count separately.
  if (rows.length === 0 && input.page > 1) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(accounts)
      .leftJoin(taSeat, and(eq(taSeat.accountId, accounts.id), eq(taSeat.role, "ta")))
      .leftJoin(accountHealth, eq(accountHealth.accountId, accounts.id))
      .where(and(...filters));
    total = counted?.n ?? 0;
  }
  return { items, total, page: input.page, pageSize: input.pageSize };
}
