import type { schema } from "@keel/db";
import type { Actor } from "@keel/domain";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { ServiceError } from "#errors.ts";
import { checkWebhookTarget, noAllowedHosts, type WebhookTargetPolicy } from "./webhook-target.ts";

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
/** Where a subscription may point (default: https to public addresses only). */
export type WebhookTargets = { targets?: WebhookTargetPolicy };

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

/**
 * Refuses a URL no webhook may reach (422 on `url`), before any transaction opens: resolving a
 * name can take seconds, and no row is locked meanwhile.
 */
export async function refuseForbiddenTarget(url: string, targets: WebhookTargetPolicy = noAllowedHosts) {
  const refusal = await checkWebhookTarget(url, targets);
  if (refusal) {
    throw new ServiceError("unprocessable", `Webhooks cannot be sent to ${url}: ${refusal}`, [
      { path: "url", message: refusal },
    ]);
  }
}
