import { schema } from "@keel/db";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { authorizeGlobal } from "#authorization/authorize.ts";
import type { ServiceContext } from "#context.ts";
import { toView, type WebhookDeliveryFilter, type WebhookDeliveryView } from "./delivery-view.ts";

/** The outbox as an admin sees it, newest first: what was sent, what waits, what gave up. */
export async function listWebhookDeliveries(
  { db, actor }: ServiceContext,
  filter: WebhookDeliveryFilter,
): Promise<WebhookDeliveryView[]> {
  authorizeGlobal(actor, "playbook.manage");
  const table = schema.webhookDeliveries;
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(table.status, filter.status));
  if (filter.subscriptionId) conditions.push(eq(table.subscriptionId, filter.subscriptionId));
  const rows = await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(filter.limit);
  return rows.map(toView);
}
