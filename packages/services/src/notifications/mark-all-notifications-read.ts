import { schema } from "@keel/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import type { ServiceContext } from "#context.ts";

const { notifications } = schema;

/** Marks every unread notification of the actor read. */
export async function markAllNotificationsRead({
  db,
  actor,
  now,
  requestId,
}: ServiceContext): Promise<{ marked: number; unread: number }> {
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
