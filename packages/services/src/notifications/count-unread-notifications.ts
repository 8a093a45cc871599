import type { ServiceContext } from "#context.ts";
import { countUnread } from "./notification-view.ts";

/** The badge on the bell: how many of the signed-in person's notifications are unread. */
export async function countUnreadNotifications({ db, actor }: ServiceContext): Promise<number> {
  return countUnread(db, actor.id);
}
