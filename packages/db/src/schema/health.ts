import type {
  ApiKeyScope,
  HealthCategory,
  HealthPolicy,
  ManualTraitId,
  Pulse,
  StoredHealthBreakdown,
  StoredHealthInputs,
} from "@keel/domain";
import { activityTypes, healthCategories, pulses, ticketTypes } from "@keel/domain";
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
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, contacts } from "./accounts.ts";
import { user } from "./auth.ts";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

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

/** SPEC §12 usage feed: one row per account and day (upserted). `mau` is that day's month's MAU. */
export const usageDaily = pgTable(
  "usage_daily",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    dau: integer("dau").notNull(),
    mau: integer("mau").notNull(),
    seats: integer("seats"),
    instanceVersion: text("instance_version"),
    preciseIntelActive: boolean("precise_intel_active"),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.day] }),
    // Whole-book sweeps read one date range across every account.
    index("usage_daily_day_idx").on(t.day),
    check("usage_daily_counts", sql`${t.dau} >= 0 and ${t.mau} >= ${t.dau}`),
  ],
);

/**
 * Major.minor releases the usage feed has reported, with the first day any instance reported
 * each: "versions behind" counts the releases seen by a month's end (H-2, H-6) without scanning
 * the whole feed.
 */
export const instanceReleases = pgTable(
  "instance_releases",
  {
    major: smallint("major").notNull(),
    minor: smallint("minor").notNull(),
    firstSeen: date("first_seen").notNull(),
  },
  (t) => [primaryKey({ columns: [t.major, t.minor] })],
);

/** SPEC §12 support feed (H-2 defect / help tickets). */
export const supportTickets = pgTable(
  "support_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull().unique(),
    type: text("type", { enum: ticketTypes }).notNull(),
    openedAt: timestamptz("opened_at").notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (t) => [index("support_tickets_account_opened_idx").on(t.accountId, t.openedAt)],
);

/** M-6 activity log (email, call, meeting, Slack): the last one drives days since last activity. */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    type: text("type", { enum: activityTypes }).notNull(),
    at: timestamptz("at").notNull(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    externalId: text("external_id").unique(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (t) => [index("activities_account_at_idx").on(t.accountId, t.at)],
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

/** SPEC §12: keys for machine feeds. Only a SHA-256 of the key is kept; the key is shown once. */
export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The public part of `keel_<prefix>_<secret>`, used to find the key. */
  prefix: text("prefix").notNull().unique(),
  hash: text("hash").notNull(),
  scopes: text("scopes").array().$type<ApiKeyScope[]>().notNull(),
  createdBy: text("created_by").references(() => user.id),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
  revokedAt: timestamptz("revoked_at"),
  lastUsedAt: timestamptz("last_used_at"),
});

/** Idempotency-Key answers (STYLE.md "API"): a replay of the same request gets the first answer. */
export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another body is a conflict (409). */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index("idempotency_created_idx").on(t.createdAt)],
);

/**
 * Leases for work only one instance may do at a time (the whole-book sweep). A lease is held
 * while `holder` is set and `expires_at` is in the future; an expired one may be taken over.
 */
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  acquiredAt: timestamptz("acquired_at"),
  expiresAt: timestamptz("expires_at"),
  /** When the job last finished: the daily schedule runs it once per day. */
  lastCompletedAt: timestamptz("last_completed_at"),
  /** Someone asked for a run (e.g. a policy was published while it was running). */
  requestedAt: timestamptz("requested_at"),
  requestedCause: text("requested_cause"),
});
