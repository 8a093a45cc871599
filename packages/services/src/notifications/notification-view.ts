import { type Executor, schema } from "@keel/db";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";

const { accounts, notifications } = schema;

export type NotificationView = {
  id: number;
  message: string;
  accountId: string | null;
  accountName: string | null;
  ruleId: string | null;
  reason: string | null;
  createdAt: string;
  readAt: string | null;
};

export async function selectNotifications(
  db: Executor,
  { where, limit, offset }: { where: SQL | undefined; limit: number; offset: number },
): Promise<{ items: NotificationView[]; total: number }> {
  const rows = await db
    .select({
      notification: notifications,
      accountName: accounts.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .leftJoin(accounts, eq(accounts.id, notifications.accountId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map(({ notification: n, accountName }) => ({
      id: n.id,
      message: n.message,
      accountId: n.accountId,
      accountName,
      ruleId: n.ruleId,
      reason: n.reason,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
