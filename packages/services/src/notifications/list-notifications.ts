import { schema } from "@keel/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { countUnread, type NotificationView, selectNotifications } from "./notification-view.ts";

const { notifications } = schema;

/** SPEC §12: the signed-in person's feed, newest first, with how many are unread. */
/** The signed-in person's own notifications, newest first, with the unread count. */
export async function listNotifications(
  { db, actor }: ServiceContext,
  input: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  const userId = actor.id;
  const where = and(
    eq(notifications.userId, userId),
    input.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const page = await selectNotifications(db, {
    where,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const unread = await countUnread(db, userId);
  // A page past the end carries no window count: then the total is counted apart.
  const total =
    page.items.length > 0 || input.page === 1
      ? page.total
      : ((
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(notifications)
            .where(where)
        )[0]?.n ?? 0);
  return { items: page.items, total, unread };
}
