import type {
  DocumentTemplate,
  LifecycleStage,
  Playbook,
  PlaybookAction,
  ProjectTemplate,
} from "@keel/domain";
import { lifecycleStages } from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * configuration kept as one row per version (id, version, the whole body as JSON).
 * An edit or import adds a version; the newest of each id is the one in use, older ones stay to
 * explain what they made.
 */
function versionedBodies<Body>(name: string) {
  return pgTable(
    name,
    {
      id: text("id").notNull(),
      version: integer("version").notNull(),
      body: jsonb("body").$type<Body>().notNull(),
      createdBy: text("created_by").references(() => user.id),
      createdAt: timestamptz("created_at").notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.id, t.version] })],
  );
}

/** Issue 4: playbooks; what a firing did keeps the version that fired it. */
export const playbooks = versionedBodies<Playbook>("playbooks");
/** M-2 document templates; a document keeps the version it came from. */
export const documentTemplates = versionedBodies<DocumentTemplate>("document_templates");
/** M-1 project templates: task groups with due dates relative to the project's start. */
export const projectTemplates = versionedBodies<ProjectTemplate>("project_templates");

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

export const taskStatuses = ["open", "done"] as const;
export const taskSources = ["playbook", "template", "person"] as const;

/** M-1 projects: a task group from a template, with progress from its tasks. */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    templateId: text("template_id").notNull(),
    templateVersion: integer("template_version").notNull(),
    name: text("name").notNull(),
    ownerId: text("owner_id").references(() => user.id),
    startDate: date("start_date").notNull(),
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [index("projects_account_idx").on(t.accountId)],
);

/** M-1 tasks: owner, due date, account, source (playbook + rule, template, or person), status. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    notes: text("notes"),
    /** Null while the team seat the playbook named is empty: the task waits for someone. */
    assigneeId: text("assignee_id").references(() => user.id),
    /** The team seat the task is for, when a playbook or template made it. */
    role: text("role"),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: taskStatuses }).notNull().default("open"),
    completedAt: timestamptz("completed_at"),
    completedBy: text("completed_by").references(() => user.id),
    source: text("source", { enum: taskSources }).notNull(),
    /** the firing that made it (playbook, version, rule, reason live there). */
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
    ruleId: text("rule_id"),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.status, t.dueDate),
    index("tasks_account_idx").on(t.accountId, t.status, t.dueDate),
    index("tasks_project_idx").on(t.projectId),
  ],
);

/** M-2 documents: attached to an account, from a template; every edit is a new version. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    templateId: text("template_id").notNull(),
    templateVersion: integer("template_version").notNull(),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => user.id),
    /** The newest version's number; If-Match on edits. */
    version: integer("version").notNull().default(1),
    firingKey: text("firing_key").references(() => playbookFirings.occurrenceKey, { onDelete: "set null" }),
    ruleId: text("rule_id"),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull(),
  },
  (t) => [index("documents_account_idx").on(t.accountId, t.templateId)],
);

export type DocumentSection = { id: string; heading: string; body: string };

/** Every version of every document, kept (M-2). */
export const documentVersions = pgTable(
  "document_versions",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    sections: jsonb("sections").$type<DocumentSection[]>().notNull(),
    editedBy: text("edited_by").references(() => user.id),
    editedAt: timestamptz("edited_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);

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
