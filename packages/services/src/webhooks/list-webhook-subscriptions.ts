import { schema } from "@keel/db";
import { desc } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { authorize, toView, type WebhookSubscriptionView } from "./subscription-view.ts";

export async function listWebhookSubscriptions({
  db,
  actor,
}: ServiceContext): Promise<WebhookSubscriptionView[]> {
  authorize(actor);
  const rows = await db
    .select()
    .from(schema.webhookSubscriptions)
    .orderBy(desc(schema.webhookSubscriptions.createdAt), desc(schema.webhookSubscriptions.id));
  return rows.map(toView);
}
