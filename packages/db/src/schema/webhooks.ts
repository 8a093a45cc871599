import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { playbookFirings } from "./automation.ts";
import { timestamptz } from "./columns.ts";

/** SPEC §12: a webhook per event type, in a chat-compatible JSON body. */
export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  eventTypes: text("event_types").array().notNull(),
  active: boolean("active").notNull().default(true),
  createdBy: text("created_by").references(() => user.id),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
});

export const webhookDeliveryStatuses = ["pending", "delivered", "dead"] as const;

/**
 * Transactional outbox: a delivery row is written in the transaction that fired the playbook,
 * so a rolled-back write sends nothing and a committed one is sent even if the process dies;
 * the deliverer retries with exponential backoff until `max attempts`, then marks it dead.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull(),
    lastError: text("last_error"),
    lastStatusCode: integer("last_status_code"),
    createdAt: timestamptz("created_at").notNull(),
    deliveredAt: timestamptz("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    check("webhook_deliveries_attempts_nonneg", sql`${t.attempts} >= 0`),
  ],
);
