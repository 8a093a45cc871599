import type { schema } from "@keel/db";

export type WebhookDeliveryStatus = (typeof schema.webhookDeliveryStatuses)[number];

export type WebhookDeliveryView = {
  id: number;
  subscriptionId: string;
  eventType: string;
  payload: Record<string, unknown>;
  firingKey: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
};

export const toView = (row: typeof schema.webhookDeliveries.$inferSelect): WebhookDeliveryView => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  eventType: row.eventType,
  payload: row.payload,
  firingKey: row.firingKey,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  lastError: row.lastError,
  lastStatusCode: row.lastStatusCode,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

export type WebhookDeliveryFilter = {
  status?: WebhookDeliveryStatus;
  subscriptionId?: string;
  limit: number;
};
