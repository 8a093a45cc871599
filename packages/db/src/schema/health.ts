import type {
  HealthCategory,
  HealthPolicy,
  ManualTraitId,
  Pulse,
  StoredHealthBreakdown,
  StoredHealthInputs,
} from "@keel/domain";
import { healthCategories, pulses } from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { user } from "./auth.ts";
import { timestamptz } from "./columns.ts";

/**
 * H-1 / X-3: health policies as data, one row per version. Drafts are edited (`revision` drives
 * If-Match); published ones never change. The newest published policy whose `effective_from`
 * is on or before a day is the one in force that day.
 */
export const healthPolicies = pgTable(
  "health_policies",
  {
    version: integer("version").primaryKey(),
    name: text("name").notNull(),
    source: text("source").notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull(),
    effectiveFrom: date("effective_from"),
    /** The whole policy as the domain reads it (`HealthPolicy`). */
    body: jsonb("body").$type<HealthPolicy>().notNull(),
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    publishedAt: timestamptz("published_at"),
    publishedBy: text("published_by").references(() => user.id),
  },
  (t) => [
    index("health_policies_in_force_idx").on(t.status, t.effectiveFrom),
    check("health_policies_published_has_date", sql`${t.status} = 'draft' or ${t.effectiveFrom} is not null`),
  ],
);

/** H-2 manual traits, set by the account's TA; each with when and by whom (H-6 staleness). */
export const accountManualTraits = pgTable("account_manual_traits", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  taPulse: text("ta_pulse", { enum: pulses }).$type<Pulse>(),
  taPulseSetAt: timestamptz("ta_pulse_set_at"),
  taPulseSetBy: text("ta_pulse_set_by").references(() => user.id),
  activeChampion: boolean("active_champion"),
  activeChampionSetAt: timestamptz("active_champion_set_at"),
  activeChampionSetBy: text("active_champion_set_by").references(() => user.id),
  buyerAccess: boolean("buyer_access"),
  buyerAccessSetAt: timestamptz("buyer_access_set_at"),
  buyerAccessSetBy: text("buyer_access_set_by").references(() => user.id),
  /** If-Match on PUT /accounts/:id/traits. */
  version: integer("version").notNull().default(1),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

/**
 * Every manual trait setting, append-only: time travel reads the value a trait had on a
 * past day from here. `value` is the pulse, "true"/"false", or null when cleared.
 */
export const manualTraitChanges = pgTable(
  "manual_trait_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    trait: text("trait").$type<ManualTraitId>().notNull(),
    value: text("value"),
    setAt: timestamptz("set_at").notNull(),
    setBy: text("set_by").references(() => user.id),
  },
  (t) => [index("manual_trait_changes_lookup_idx").on(t.accountId, t.trait, t.setAt)],
);

/**
 * The current score of each account (H-3, H-4). `revision` grows with every write so a whole-book
 * sweep never overwrites a score a request recomputed after the sweep read its inputs.
 */
export const accountHealth = pgTable(
  "account_health",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    score: doublePrecision("score"),
    category: text("category", { enum: healthCategories }).$type<HealthCategory>().notNull(),
    policyVersion: integer("policy_version").notNull(),
    computedAt: timestamptz("computed_at").notNull(),
    /** H-4 breakdown in its stored (compact) form; see `StoredHealthBreakdown`. */
    breakdown: jsonb("breakdown").$type<StoredHealthBreakdown>().notNull(),
    /** The trait values and the facts they came from. */
    inputs: jsonb("inputs").$type<StoredHealthInputs>().notNull(),
    revision: bigint("revision", { mode: "number" }).notNull().default(1),
  },
  (t) => [index("account_health_category_idx").on(t.category), index("account_health_score_idx").on(t.score)],
);

/** H-5: every score change, with the policy version it was computed under. */
export const healthSnapshots = pgTable(
  "health_snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: timestamptz("at").notNull(),
    score: doublePrecision("score"),
    category: text("category", { enum: healthCategories }).$type<HealthCategory>().notNull(),
    policyVersion: integer("policy_version").notNull(),
    breakdown: jsonb("breakdown").$type<StoredHealthBreakdown>().notNull(),
    /** What caused the recompute: "ingest:usage", "traits", "policy v3 published", "daily sweep" … */
    cause: text("cause").notNull(),
  },
  (t) => [index("health_snapshots_account_at_idx").on(t.accountId, t.at)],
);

/** H-5: each change of category, listed on the "health category changes" view (seed 003). */
export const healthCategoryChanges = pgTable(
  "health_category_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: timestamptz("at").notNull(),
    fromCategory: text("from_category", { enum: healthCategories }).$type<HealthCategory>().notNull(),
    toCategory: text("to_category", { enum: healthCategories }).$type<HealthCategory>().notNull(),
    score: doublePrecision("score"),
    policyVersion: integer("policy_version").notNull(),
    cause: text("cause").notNull(),
  },
  (t) => [
    index("health_category_changes_at_idx").on(t.at),
    index("health_category_changes_account_idx").on(t.accountId, t.at),
  ],
);
