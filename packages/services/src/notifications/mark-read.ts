import { type Database, schema } from "@keel/db";
import type { Actor } from "@keel/domain";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { ServiceError } from "#errors.ts";
import { type NotificationView, selectNotifications } from "./list-notifications.ts";

const { notifications } = schema;

/** Marks one of the actor's notifications read; someone else's is as if it did not exist (404). */
export async function markNotificationRead({
  db,
  actor,
  notificationId,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  notificationId: number;
  now: Date;
  requestId: string;
}): Promise<NotificationView> {
  return db.transaction(async (tx) => {
    const own = and(eq(notifications.id, notificationId), eq(notifications.userId, actor.id));
    const [current] = await tx.select().from(notifications).where(own).for("update");
    if (!current) throw new ServiceError("not_found", `Notification ${notificationId} does not exist`);
    if (current.readAt === null) {
      await tx.update(notifications).set({ readAt: now }).where(own);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "notification.read",
        entity: "notification",
        entityId: String(notificationId),
        after: { readAt: now.toISOString() },
        requestId,
      });
    }
    const { items } = await selectNotifications(tx, { where: own, limit: 1, offset: 0 });
    return items[0]!;
  });
}

/** Marks every unread notification of the actor read. */
export async function markAllNotificationsRead({
  db,
  actor,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  now: Date;
  requestId: string;
}): Promise<{ marked: number; unread: number }> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (marked.length > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "notification.readAll",
        entity: "notification",
        entityId: actor.id,
        after: { marked: marked.length, readAt: now.toISOString() },
        requestId,
      });
    }
    return { marked: marked.length, unread: 0 };
  });
}
