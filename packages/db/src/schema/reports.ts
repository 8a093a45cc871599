import { jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.ts";

/**
 * Reports over history, kept as last computed with the version of the data they read. A read
 * answers from here while that version holds and recomputes once it moves (X-5 accuracy: a
 * book's processed forecasts are too many to aggregate on every page view).
 */
export const reportSnapshots = pgTable(
  "report_snapshots",
  {
    report: text("report").notNull(),
    /** The report's parameters, as one key (e.g. the grouping). */
    params: text("params").notNull(),
    dataVersion: text("data_version").notNull(),
    payload: jsonb("payload").notNull(),
    computedAt: timestamptz("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.report, t.params] })],
);
