import { pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.ts";

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
