import { approvalSides, enrolmentSources, exitOutcomes, type SuccessCriterion } from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { timestamptz } from "./columns.ts";
import { renewals } from "./renewals.ts";
import { documents, tasks } from "./work.ts";

export const criterionStatuses = ["met", "unmet", "unknown"] as const;

/**
 * LH-1…LH-5: one stay of an account in the Lighthouse churn-save program, from entry (a red
 * renewal assessment, or by hand with a reason) to its exit and outcome. An account has at most
 * one open enrolment; its state is derived (`enrolmentState` in @keel/domain), never stored.
 */
export const lighthouseEnrolments = pgTable(
  "lighthouse_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    source: text("source", { enum: enrolmentSources }).notNull(),
    reason: text("reason").notNull(),
    /** The renewal whose red assessment entered it (source "red_assessment"). */
    renewalId: uuid("renewal_id").references(() => renewals.id, { onDelete: "set null" }),
    enteredAt: timestamptz("entered_at").notNull(),
    enteredBy: text("entered_by").references(() => user.id),
    /** LH-3: the exec sponsor; the account shows "needs exec sponsor" until one is named. */
    sponsorId: text("sponsor_id").references(() => user.id),
    /** LH-3: the RSD and TA director the plan was shared with (notified on entry). */
    sharedWith: jsonb("shared_with").$type<string[]>().notNull().default([]),
    savePlanDocumentId: uuid("save_plan_document_id").references(() => documents.id, {
      onDelete: "set null",
    }),
    /** LH-4: the program sync at which the TA first presented the save plan. */
    planPresentedOn: date("plan_presented_on"),
    exitOutcome: text("exit_outcome", { enum: exitOutcomes }),
    exitedAt: timestamptz("exited_at"),
    exitNote: text("exit_note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // LH-1: entering an account already in the program is refused (409 naming this one).
    uniqueIndex("lighthouse_enrolments_open_key").on(t.accountId).where(sql`${t.exitedAt} is null`),
    index("lighthouse_enrolments_entered_idx").on(t.enteredAt),
  ],
);

/** LH-2: the Account Save Plan's problem statement and goal. */
export const lighthouseSavePlans = pgTable("lighthouse_save_plans", {
  enrolmentId: uuid("enrolment_id")
    .primaryKey()
    .references(() => lighthouseEnrolments.id, { onDelete: "cascade" }),
  problem: text("problem").notNull(),
  goal: text("goal").notNull(),
  updatedBy: text("updated_by").references(() => user.id),
  updatedAt: timestamptz("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

/**
 * LH-2: a success criterion, bound to a measure (checked whenever the account's measures change)
 * or manual (met with evidence). `status` is the latest check; its history is in
 * `lighthouse_criterion_changes`.
 */
export const lighthouseCriteria = pgTable(
  "lighthouse_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => lighthouseEnrolments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    definition: jsonb("definition").$type<SuccessCriterion>().notNull(),
    status: text("status", { enum: criterionStatuses }).notNull(),
    /** The figure it was last checked against, as shown. */
    value: text("value"),
    checkedAt: timestamptz("checked_at").notNull(),
    evidence: text("evidence"),
    metOn: date("met_on"),
    evidenceBy: text("evidence_by").references(() => user.id),
  },
  (t) => [unique("lighthouse_criteria_position_key").on(t.enrolmentId, t.position)],
);

/** LH-2 / LH-4: every change of a criterion's status, for "what changed" on the agenda. */
export const lighthouseCriterionChanges = pgTable(
  "lighthouse_criterion_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => lighthouseCriteria.id, { onDelete: "cascade" }),
    status: text("status", { enum: criterionStatuses }).notNull(),
    value: text("value"),
    changedAt: timestamptz("changed_at").notNull(),
  },
  (t) => [index("lighthouse_criterion_changes_idx").on(t.criterionId, t.changedAt)],
);

/** LH-2: a step towards a criterion; each is a task in its owner's "My tasks". */
export const lighthouseSteps = pgTable(
  "lighthouse_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => lighthouseCriteria.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => user.id),
    dueOn: date("due_on").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("lighthouse_steps_criterion_idx").on(t.criterionId)],
);

/** LH-4: the TA's weekly update on the save plan. */
export const lighthouseUpdates = pgTable(
  "lighthouse_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => lighthouseEnrolments.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => user.id),
    progress: text("progress").notNull(),
    blockers: text("blockers").notNull().default(""),
    risks: text("risks").notNull().default(""),
    asks: text("asks").notNull().default(""),
    createdAt: timestamptz("created_at").notNull(),
  },
  (t) => [index("lighthouse_updates_enrolment_idx").on(t.enrolmentId, t.createdAt)],
);

/** LH-4: a program sync held, with who attended and the agenda as generated for it. */
export const lighthouseSyncs = pgTable("lighthouse_syncs", {
  id: uuid("id").primaryKey().defaultRandom(),
  heldOn: date("held_on").notNull().unique(),
  attendees: jsonb("attendees").$type<string[]>().notNull().default([]),
  agendaMarkdown: text("agenda_markdown").notNull(),
  createdBy: text("created_by").references(() => user.id),
  createdAt: timestamptz("created_at").notNull(),
});

/** LH-5: the exit's approvals, one per leadership side, by two different people. */
export const lighthouseExitApprovals = pgTable(
  "lighthouse_exit_approvals",
  {
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => lighthouseEnrolments.id, { onDelete: "cascade" }),
    side: text("side", { enum: approvalSides }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    approvedAt: timestamptz("approved_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.side] }),
    unique("lighthouse_exit_approvals_person_key").on(t.enrolmentId, t.userId),
  ],
);
