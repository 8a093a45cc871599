import { bigserial, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { playbookFirings } from "./automation.ts";
import { timestamptz } from "./columns.ts";

/** The in-product feed (SPEC §12 outbound): one row per recipient. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    ruleId: text("rule_id"),
    reason: text("reason"),
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
    createdAt: timestamptz("created_at").notNull(),
    readAt: timestamptz("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
