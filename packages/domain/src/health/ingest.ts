import { z } from "zod";
import { calendarDateSchema, countSchema, instantSchema, requiredTextSchema } from "../validation.ts";

/**
 * SPEC §12 "Data in": the records the ingestion API takes. Each is strict (unknown fields are
 * errors) so a typo in a feed is reported, not silently dropped.
 */

/** What an API key may be allowed to do; one scope per feed. */
export const apiKeyScopes = ["ingest:usage", "ingest:tickets", "ingest:activities"] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const ingestFeeds = ["usage", "tickets", "activities"] as const;
export type IngestFeed = (typeof ingestFeeds)[number];
export const scopeOfFeed: Record<IngestFeed, ApiKeyScope> = {
  usage: "ingest:usage",
  tickets: "ingest:tickets",
  activities: "ingest:activities",
};

/** One request carries at most this many records; more is answered 413. */
export const MAX_INGEST_RECORDS = 5_000;
/** Feeds older than this are a mistake (a zeroed date), not history. */
export const EARLIEST_INGEST_DATE = "2000-01-01";

const notBefore2000 = (day: string) => day.slice(0, 10) >= EARLIEST_INGEST_DATE;

const ingestDaySchema = calendarDateSchema.refine(notBefore2000, {
  message: `must not be before ${EARLIEST_INGEST_DATE}`,
});

/** A day (`YYYY-MM-DD`, read as midnight UTC) or a date-time with an offset. */
const ingestInstantSchema = z
  .union([instantSchema, calendarDateSchema], {
    error: "expected an ISO date (YYYY-MM-DD) or date-time with offset (2026-10-01T09:30:00Z)",
  })
  .refine(notBefore2000, { message: `must not be before ${EARLIEST_INGEST_DATE}` });

/** `6.3` or `6.3.1` (optionally with a pre-release/build suffix): versions behind count major.minor. */
export const instanceVersionSchema = z.string().regex(/^\d{1,4}\.\d{1,4}(\.\d{1,6})?([-+][0-9A-Za-z.-]+)?$/, {
  message: "expected a version like 6.3 or 6.3.1",
});

/** One day of an instance's usage (O-3): DAU that day, MAU of that day's month, seats, version, precise intel. */
export const usageRecordSchema = z
  .strictObject({
    accountId: z.uuid(),
    day: ingestDaySchema,
    dau: countSchema,
    /** The month's MAU as of this day. */
    mau: countSchema,
    /** Seats the instance is licensed for, as it reports them (the account's seats purchased is what H-2 uses). */
    seats: countSchema.nullable().optional(),
    instanceVersion: instanceVersionSchema.nullable().optional(),
    /** Precise code intelligence active on at least one language (H-2). */
    preciseIntelActive: z.boolean().nullable().optional(),
  })
  .refine((record) => record.dau <= record.mau, {
    path: ["dau"],
    message: "DAU must not be above the month's MAU",
  });
export type UsageRecord = z.infer<typeof usageRecordSchema>;

export const ticketTypes = ["defect", "help"] as const;
export const ticketTypeSchema = z.enum(ticketTypes);

/** A support ticket (H-2 defect / help tickets); the external id makes re-sending it an update. */
export const ticketRecordSchema = z.strictObject({
  accountId: z.uuid(),
  externalId: requiredTextSchema(200),
  type: ticketTypeSchema,
  openedAt: ingestInstantSchema,
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

export const activityTypes = ["email", "call", "meeting", "slack"] as const;
export const activityTypeSchema = z.enum(activityTypes);

/** A logged activity (M-6); the last one drives days since last activity (H-2). */
export const activityRecordSchema = z.strictObject({
  accountId: z.uuid(),
  type: activityTypeSchema,
  at: ingestInstantSchema,
  contactId: z.uuid().nullable().optional(),
  /** Optional: with it, re-sending the activity updates it instead of adding another. */
  externalId: requiredTextSchema(200).nullable().optional(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export const ingestRecordSchemas = {
  usage: usageRecordSchema,
  tickets: ticketRecordSchema,
  activities: activityRecordSchema,
} as const;

/** One record's problem, as the 422 answer lists them: which record, which field, what is wrong. */
export type IngestRecordError = { index: number; path: string; message: string };

/** `6.3.1` → { major: 6, minor: 3 }; null when it is not a version. */
export function parseMajorMinor(version: string): { major: number; minor: number } | null {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** A date-only instant is midnight UTC; anything else is parsed as given. */
export function instantOf(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}
