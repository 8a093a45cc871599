import type { DocumentTemplate, ProjectTemplate } from "@keel/domain";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { playbookFirings } from "./automation.ts";
import { timestamptz, versionedBodies } from "./columns.ts";

export const taskStatuses = ["open", "done"] as const;
export const taskSources = ["playbook", "template", "person"] as const;

/** M-2 document templates; a document keeps the version it came from. */
export const documentTemplates = versionedBodies<DocumentTemplate>("document_templates");
/** M-1 project templates: task groups with due dates relative to the project's start. */
export const projectTemplates = versionedBodies<ProjectTemplate>("project_templates");

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
    /** The document the task is about (R-2: complete this Health Assessment), when there is one. */
    documentId: uuid("document_id").references((): AnyPgColumn => documents.id, { onDelete: "set null" }),
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
