import type { LifecycleStage, Playbook, PlaybookAction } from "@keel/domain";
import { lifecycleStages } from "@keel/domain";
import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { timestamptz, versionedBodies } from "./columns.ts";

/** playbooks (the rules the automation runs); a firing keeps the version that fired it. */
export const playbooks = versionedBodies<Playbook>("playbooks");

/**
 * Every action a playbook fired. The primary key is the occurrence key
 * (`playbook:account:occurrence:action`): the database, not the caller, makes each action
 * happen at most once, however many sweeps or replayed events reach it.
 */
export const playbookFirings = pgTable(
  "playbook_firings",
  {
    occurrenceKey: text("occurrence_key").primaryKey(),
    playbookId: text("playbook_id").notNull(),
    playbookVersion: integer("playbook_version").notNull(),
    ruleId: text("rule_id").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    occurrence: text("occurrence").notNull(),
    actionIndex: integer("action_index").notNull(),
    action: jsonb("action").$type<PlaybookAction>().notNull(),
    /** the rule, trigger and data that made it fire. */
    reason: text("reason").notNull(),
    /** What the action produced ({ taskId }, { documentId }, { skipped } …). */
    outcome: jsonb("outcome").$type<Record<string, unknown>>().notNull(),
    firedAt: timestamptz("fired_at").notNull(),
  },
  (t) => [
    index("playbook_firings_account_idx").on(t.accountId, t.firedAt),
    index("playbook_firings_playbook_idx").on(t.playbookId, t.firedAt),
  ],
);

/**
 * What the engine saw of each account when it last evaluated it (stage, health category, trait
 * values, hand-off fields). The next evaluation compares against it to find the events a
 * change made (category changed, trait crossed a threshold, field set) — in the request that
 * made the change, or in the daily sweep when only time moved.
 */
export const accountAutomationState = pgTable("account_automation_state", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  observed: jsonb("observed").$type<Record<string, unknown>>().notNull(),
  evaluatedOn: date("evaluated_on").notNull(),
  evaluatedAt: timestamptz("evaluated_at").notNull(),
});

/** L-6: every stage change with time and cause (rule or person). Append-only. */
export const stageChanges = pgTable(
  "stage_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    fromStage: text("from_stage", { enum: lifecycleStages }).$type<LifecycleStage>(),
    toStage: text("to_stage", { enum: lifecycleStages }).$type<LifecycleStage>().notNull(),
    at: timestamptz("at").notNull(),
    causeKind: text("cause_kind", { enum: ["rule", "person"] }).notNull(),
    ruleId: text("rule_id"),
    policyVersion: integer("policy_version"),
    userId: text("user_id").references(() => user.id),
    reason: text("reason").notNull(),
  },
  (t) => [index("stage_changes_account_idx").on(t.accountId, t.at)],
);

/** Flags a playbook sets on an account (e.g. the Yellow/Red Renewals review list, R-3). */
export const accountFlags = pgTable(
  "account_flags",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    flag: text("flag").notNull(),
    setAt: timestamptz("set_at").notNull(),
    reason: text("reason").notNull(),
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.flag] })],
);
