import type { schema } from "@keel/db";
import type { Actor } from "@keel/domain";
import { authorizeGlobal } from "#authorization/authorize.ts";

export type WebhookSubscriptionView = {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdBy: string | null;
  createdAt: string;
};

export type WebhookSubscriptionInput = { name: string; url: string; eventTypes: string[]; active?: boolean };
export type WebhookSubscriptionPatch = Partial<WebhookSubscriptionInput>;

export const toView = (row: typeof schema.webhookSubscriptions.$inferSelect): WebhookSubscriptionView => ({
  id: row.id,
  name: row.name,
  url: row.url,
  eventTypes: row.eventTypes,
  active: row.active,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

// Webhooks fire from playbooks (SPEC §12), so managing them is managing playbooks: admins.
export const authorize = (actor: Actor) => authorizeGlobal(actor, "playbook.manage");
export const distinct = (eventTypes: string[]) => [...new Set(eventTypes)];
