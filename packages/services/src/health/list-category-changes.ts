import { schema } from "@keel/db";
import type { HealthCategory, TeamMember } from "@keel/domain";
import { and, desc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ServiceContext } from "#context.ts";

export type CategoryChangeFilters = {
  /** A TA's user id, or null for accounts without a TA; undefined: any. */
  taUserId?: string | null;
  from?: string;
  to?: string;
  fromCategory?: HealthCategory;
  toCategory?: HealthCategory;
  page: number;
  pageSize: number;
};

export type CategoryChangeView = {
  id: number;
  accountId: string;
  accountName: string;
  ta: TeamMember | null;
  at: string;
  fromCategory: HealthCategory;
  toCategory: HealthCategory;
  score: number | null;
  policyVersion: number;
  cause: string;
};

/** H-5 "health category changes" (seed 003's dashboard): newest first, filtered, paged. */
export async function listCategoryChanges({ db }: ServiceContext, input: CategoryChangeFilters) {
  const { healthCategoryChanges: changes, accounts, accountTeam, user } = schema;
  const taSeat = alias(accountTeam, "ta_seat");
  const taUser = alias(user, "ta_user");
  const filters: SQL[] = [];
  if (input.taUserId === null) filters.push(isNull(taSeat.userId));
  else if (input.taUserId !== undefined) filters.push(eq(taSeat.userId, input.taUserId));
  if (input.from) filters.push(gte(changes.at, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) filters.push(lt(changes.at, new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000)));
  if (input.fromCategory) filters.push(eq(changes.fromCategory, input.fromCategory));
  if (input.toCategory) filters.push(eq(changes.toCategory, input.toCategory));

  const rows = await db
    .select({
      id: changes.id,
      accountId: changes.accountId,
      accountName: accounts.name,
      taUserId: taUser.id,
      taName: taUser.name,
      taEmail: taUser.email,
      at: changes.at,
      fromCategory: changes.fromCategory,
      toCategory: changes.toCategory,
      score: changes.score,
      policyVersion: changes.policyVersion,
      cause: changes.cause,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(changes)
    .innerJoin(accounts, eq(accounts.id, changes.accountId))
    .leftJoin(taSeat, and(eq(taSeat.accountId, changes.accountId), eq(taSeat.role, "ta")))
    .leftJoin(taUser, eq(taUser.id, taSeat.userId))
    .where(and(...filters))
    .orderBy(desc(changes.at), desc(changes.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);

  const items: CategoryChangeView[] = rows.map(
    ({ taUserId, taName, taEmail, total: _total, at, ...row }) => ({
      ...row,
      at: at.toISOString(),
      ta: taUserId ? { userId: taUserId, name: taName ?? "", email: taEmail ?? "" } : null,
    }),
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && input.page > 1) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(changes)
      .leftJoin(taSeat, and(eq(taSeat.accountId, changes.accountId), eq(taSeat.role, "ta")))
      .where(and(...filters));
    total = counted?.n ?? 0;
  }
  return { items, total, page: input.page, pageSize: input.pageSize };
}
