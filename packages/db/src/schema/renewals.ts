import {
  approvalSides,
  closedLostCategories,
  healthCategories,
  renewalOutcomes,
  renewalRatings,
  weeksOutBuckets,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { timestamptz } from "./columns.ts";
import { documents, tasks } from "./work.ts";

export const churnRetroStatuses = ["open", "reviewed", "closed"] as const;
export const retroActionStatuses = ["open", "done"] as const;

/**
 * R-1…R-6: one account's renewal cycle (its due date, the ARR and seats at stake) and, once
 * processed, its outcome. The phase is derived (`renewalPhase` in @keel/domain), never stored.
 * Money in integer cents; `version` drives If-Match on the outcome.
 */
export const renewals = pgTable(
  "renewals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    dueDate: date("due_date").notNull(),
    arrAtStakeCents: bigint("arr_at_stake_cents", { mode: "number" }).notNull(),
    seatsAtStake: integer("seats_at_stake").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    // R-6, set once when the renewal is processed.
    outcome: text("outcome", { enum: renewalOutcomes }),
    arrAfterCents: bigint("arr_after_cents", { mode: "number" }),
    seatsAfter: integer("seats_after"),
    closedLostCategory: text("closed_lost_category", { enum: closedLostCategories }),
    churnReason: text("churn_reason"),
    processedAt: timestamptz("processed_at"),
    processedBy: text("processed_by").references(() => user.id),
    nextRenewalDate: date("next_renewal_date"),
    /** Overdue renewals notify the AE and TA leadership once. */
    overdueNotifiedAt: timestamptz("overdue_notified_at"),
    // R-1's milestones, kept on the renewal by the service that records each (in its transaction)
    // so the pipeline counts phases and the quarterly roll-up sums over renewals alone, not over
    // their assessments, approvals, plans and forecast histories (ADR 0014). Those tables stay
    // the record: `rating` is the assessment's, `approvedAt` when its second approval came
    // (null until both), `plannedAt` the plan's, and `forecast*` the latest weekly forecast.
    rating: text("rating", { enum: renewalRatings }),
    approvedAt: timestamptz("approved_at"),
    plannedAt: timestamptz("planned_at"),
    forecastOutcome: text("forecast_outcome", { enum: renewalOutcomes }),
    forecastArrCents: bigint("forecast_arr_cents", { mode: "number" }),
    forecastedAt: timestamptz("forecasted_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("renewals_account_due_key").on(t.accountId, t.dueDate),
    index("renewals_due_idx").on(t.dueDate),
    index("renewals_open_due_idx").on(t.dueDate).where(sql`${t.processedAt} is null`),
    // The accuracy report's data version: the latest and the count of processed renewals.
    index("renewals_processed_idx").on(t.processedAt).where(sql`${t.processedAt} is not null`),
    check("renewals_arr_nonneg", sql`${t.arrAtStakeCents} >= 0 and coalesce(${t.arrAfterCents}, 0) >= 0`),
  ],
);

/** the TA's rating (with the AE), and the Health Assessment document it rests on. */
export const renewalAssessments = pgTable("renewal_assessments", {
  renewalId: uuid("renewal_id")
    .primaryKey()
    .references(() => renewals.id, { onDelete: "cascade" }),
  rating: text("rating", { enum: renewalRatings }).notNull(),
  summary: text("summary").notNull(),
  documentId: uuid("document_id").references(() => documents.id, { onDelete: "set null" }),
  assessedBy: text("assessed_by").references(() => user.id),
  assessedAt: timestamptz("assessed_at").notNull(),
  version: integer("version").notNull().default(1),
});

/** one approval per leadership side (TS and Sales) of the current rating; a re-rating clears them. */
export const renewalAssessmentApprovals = pgTable(
  "renewal_assessment_approvals",
  {
    renewalId: uuid("renewal_id")
      .notNull()
      .references(() => renewals.id, { onDelete: "cascade" }),
    side: text("side", { enum: approvalSides }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    approvedAt: timestamptz("approved_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.renewalId, t.side] })],
);

/** the AE's initial projected outcome. */
export const renewalPlans = pgTable("renewal_plans", {
  renewalId: uuid("renewal_id")
    .primaryKey()
    .references(() => renewals.id, { onDelete: "cascade" }),
  projectedOutcome: text("projected_outcome", { enum: renewalOutcomes }).notNull(),
  expectedArrCents: bigint("expected_arr_cents", { mode: "number" }).notNull(),
  note: text("note"),
  updatedBy: text("updated_by").references(() => user.id),
  updatedAt: timestamptz("updated_at").notNull(),
  version: integer("version").notNull().default(1),
});

/**
 * weekly forecasts, append-only. Re-entering a week adds a row (the latest of a week
 * counts, the earlier stay in history); the health category at entry feeds the data forecast.
 */
export const renewalForecasts = pgTable(
  "renewal_forecasts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    renewalId: uuid("renewal_id")
      .notNull()
      .references(() => renewals.id, { onDelete: "cascade" }),
    week: text("week").notNull(),
    outcome: text("outcome", { enum: renewalOutcomes }).notNull(),
    expectedArrCents: bigint("expected_arr_cents", { mode: "number" }).notNull(),
    expectedSeats: integer("expected_seats").notNull(),
    note: text("note"),
    healthCategory: text("health_category", { enum: healthCategories }),
    authorId: text("author_id").references(() => user.id),
    enteredAt: timestamptz("entered_at").notNull(),
  },
  (t) => [
    index("renewal_forecasts_renewal_idx").on(t.renewalId, t.week, t.enteredAt),
    // A renewal's latest forecast (pipeline, roll-up) is the first entry of this index.
    index("renewal_forecasts_latest_idx").on(t.renewalId, t.enteredAt.desc(), t.id.desc()),
  ],
);

/**
 * the health category a processed renewal had in each weeks-out band (`categoryAtWeeksOut`
 * in @keel/domain), written once when it is processed: its forecasts no longer change, and the
 * data forecast then sums ARR per band and category without reading every past forecast.
 */
export const renewalOutcomeBands = pgTable(
  "renewal_outcome_bands",
  {
    renewalId: uuid("renewal_id")
      .notNull()
      .references(() => renewals.id, { onDelete: "cascade" }),
    band: text("band", { enum: weeksOutBuckets }).notNull(),
    category: text("category", { enum: healthCategories }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.renewalId, t.band] }),
    index("renewal_outcome_bands_category_idx").on(t.category, t.band),
  ],
);

/** the churn retro of a realised churn above the threshold with fewer seats. */
export const churnRetros = pgTable(
  "churn_retros",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    renewalId: uuid("renewal_id")
      .notNull()
      .unique()
      .references(() => renewals.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "set null" }),
    reviewTaskId: uuid("review_task_id").references(() => tasks.id, { onDelete: "set null" }),
    sponsorId: text("sponsor_id").references(() => user.id),
    arrLostCents: bigint("arr_lost_cents", { mode: "number" }).notNull(),
    closedLostCategory: text("closed_lost_category", { enum: closedLostCategories }),
    churnReason: text("churn_reason"),
    lessonsLearned: text("lessons_learned").notNull().default(""),
    status: text("status", { enum: churnRetroStatuses }).notNull().default("open"),
    createdAt: timestamptz("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("churn_retros_created_idx").on(t.createdAt)],
);

/** a retro's calls to action, each with an owner, a due date and a status. */
export const churnRetroActions = pgTable(
  "churn_retro_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    retroId: uuid("retro_id")
      .notNull()
      .references(() => churnRetros.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: text("owner_id").references(() => user.id),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: retroActionStatuses }).notNull().default("open"),
    createdAt: timestamptz("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("churn_retro_actions_retro_idx").on(t.retroId)],
);
