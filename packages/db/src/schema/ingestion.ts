import type { ApiKeyScope } from "@keel/domain";
import { activityTypes, ticketTypes } from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, contacts } from "./accounts.ts";
import { user } from "./auth.ts";
import { timestamptz } from "./columns.ts";

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
