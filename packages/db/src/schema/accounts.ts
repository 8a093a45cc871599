import type { ContactRole } from "@keel/domain";
import { currencies, deployments, lifecycleStages, segments, supportLevels, teamRoles } from "@keel/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
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
import { user } from "./auth.ts";

/** Money in integer cents; dates without time. `version` drives If-Match. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    domain: text("domain").notNull(),
    arrCents: bigint("arr_cents", { mode: "number" }).notNull(),
    currency: text("currency", { enum: currencies }).notNull().default("USD"),
    seatsPurchased: integer("seats_purchased").notNull(),
    contractStart: date("contract_start"),
    closeDate: date("close_date"),
    renewalDate: date("renewal_date"),
    supportLevel: text("support_level", { enum: supportLevels }).notNull(),
    /** when leadership set the support level (T-45); null while it is only the default. */
    supportLevelSetAt: timestamp("support_level_set_at", { withTimezone: true }),
    segment: text("segment", { enum: segments }).notNull(),
    pooled: boolean("pooled").notNull().default(false),
    scaled: boolean("scaled").notNull().default(false),
    lifecycleStage: text("lifecycle_stage", { enum: lifecycleStages }).notNull(),
    redAccount: boolean("red_account").notNull().default(false),
    deployment: text("deployment", { enum: deployments }).notNull(),
    instanceVersion: text("instance_version"),
    crmId: text("crm_id").unique(),
    instanceId: text("instance_id").unique(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("accounts_renewal_idx").on(t.renewalDate),
    index("accounts_segment_idx").on(t.segment),
    index("accounts_stage_idx").on(t.lifecycleStage),
    check("accounts_arr_nonneg", sql`${t.arrCents} >= 0`),
    check("accounts_seats_nonneg", sql`${t.seatsPurchased} >= 0`),
  ],
);

/** Who holds each seat on an account's team: one person per role. */
export const accountTeam = pgTable(
  "account_team",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text("role", { enum: teamRoles }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.role] }),
    index("account_team_user_idx").on(t.userId, t.role),
    // Seat changes move the accuracy report's data version (latest assignment).
    index("account_team_assigned_idx").on(t.assignedAt),
  ],
);

/** C-1. Roles are a multi-valued column: they are read and written with the contact, never alone. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title"),
    email: text("email"),
    roles: text("roles").array().$type<ContactRole[]>().notNull().default([]),
    instanceAdmin: boolean("instance_admin").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contacts_account_idx").on(t.accountId)],
);

/** SPEC §1: every write lands here (who, when, what, before, after). Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id").references(() => user.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId)],
);
