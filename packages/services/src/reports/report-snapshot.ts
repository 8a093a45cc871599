import { type Executor, queryRows } from "@keel/db";
import { sql } from "drizzle-orm";

/**
 * A report over history answered from its snapshot while the data it read is unchanged
 * (`dataVersion`, a cheap query the report supplies), else computed, kept and answered. Two
 * readers racing after a change both compute; the last write stands, and both are right.
 */
export async function fromReportSnapshot<T>(
  db: Executor,
  input: {
    report: string;
    params: string;
    dataVersion: string;
    now: Date;
    compute: () => Promise<T>;
  },
): Promise<T> {
  const [kept] = await queryRows<{ payload: T }>(
    db,
    sql`select payload from report_snapshots
      where report = ${input.report} and params = ${input.params} and data_version = ${input.dataVersion}`,
  );
  if (kept) return kept.payload;
  const payload = await input.compute();
  await db.execute(sql`
    insert into report_snapshots (report, params, data_version, payload, computed_at)
    values (${input.report}, ${input.params}, ${input.dataVersion}, ${JSON.stringify(payload)}::jsonb,
      ${input.now.toISOString()}::timestamptz)
    on conflict (report, params) do update set data_version = excluded.data_version,
      payload = excluded.payload, computed_at = excluded.computed_at`);
  return payload;
}
