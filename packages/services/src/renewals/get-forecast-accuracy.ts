import { type Executor, queryRows } from "@keel/db";
import {
  type AccuracyGroup,
  type AccuracyGrouping,
  accuracyReport,
  dataForecastModel,
  quarterOf,
  renewalPolicy,
  retention,
  weeksBefore,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { fromReportSnapshot } from "#reports/report-snapshot.ts";
import { loadAccuracyRows, loadDataForecastHistory } from "./forecast-history.ts";

export type ForecastAccuracy = {
  by: AccuracyGrouping;
  /** The AE's calls, grouped. */
  groups: AccuracyGroup[];
  /** The data forecast (same renewals, same weeks), grouped the same way, to set beside them. */
  dataGroups: AccuracyGroup[];
  /** Actual gross and net retention of processed renewals, per quarter of their due date. */
  retention: Array<{ quarter: string; renewals: number; grr: number; nrr: number }>;
  forecasts: number;
  renewals: number;
};

/**
 * how good each forecast was, once the renewal was processed — per AE, TA, quarter or weeks
 * out — beside what the data forecast (history's retention for the same health, same weeks out)
 * would have said, and the actual GRR/NRR per quarter.
 */
export async function getForecastAccuracy(
  ctx: ServiceContext,
  { by }: { by: AccuracyGrouping },
): Promise<ForecastAccuracy> {
  // Processed renewals' forecasts never change, so the report is kept and recomputed only when a
  // renewal is processed or a seat or name it groups by changes (BENCHMARKS.md has both costs).
  return fromReportSnapshot(ctx.db, {
    report: "forecast-accuracy",
    params: by,
    dataVersion: await accuracyDataVersion(ctx.db),
    now: ctx.now,
    compute: () => computeForecastAccuracy(ctx.db, by),
  });
}

/** What the accuracy report reads, summed into one key that moves whenever any of it does. */
async function accuracyDataVersion(db: Executor): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select concat_ws('|',
        (select count(*) from renewals where processed_at is not null),
        (select max(processed_at) from renewals),
        (select max(assigned_at) from account_team),
        (select max(updated_at) from "user")) as version`,
  );
  return row!.version;
}

async function computeForecastAccuracy(db: Executor, by: AccuracyGrouping): Promise<ForecastAccuracy> {
  const raw = await loadAccuracyRows(db);
  const history = await loadDataForecastHistory(db);
  const base = raw.map((row) => ({
    renewalId: row.renewal_id,
    ae: row.ae ?? "No AE",
    ta: row.ta ?? "No TA",
    quarter: quarterOf(row.due_date, renewalPolicy),
    weeksOut: Math.max(0, weeksBefore(row.due_date, row.entered_on)),
    actual: {
      outcome: row.actual_outcome,
      arrAfterCents: Number(row.arr_after),
      arrBeforeCents: Number(row.arr_before),
    },
  }));
  const calls = base.map((row, i) => ({
    ...row,
    forecast: { outcome: raw[i]!.outcome, expectedArrCents: Number(raw[i]!.expected_arr_cents) },
  }));
  // Leave one out: a renewal's data forecast learns from the others, never from its own result.
  const model = dataForecastModel(history);
  const own = new Map(history.map((h) => [h.renewalId, h]));
  const data = base.map((row, i) => {
    const expected = model.forecast(
      {
        category: raw[i]!.category ?? "unknown",
        weeksOut: row.weeksOut,
        arrAtStakeCents: row.actual.arrBeforeCents,
      },
      own.get(row.renewalId),
    ).expectedArrCents;
    const outcome =
      expected === row.actual.arrBeforeCents
        ? "flat"
        : expected > row.actual.arrBeforeCents
          ? "incremental"
          : expected === 0
            ? "full_churn"
            : "partial_churn";
    return { ...row, forecast: { outcome, expectedArrCents: expected } as const };
  });
  const byQuarter = new Map<string, { arrBeforeCents: number; arrAfterCents: number }[]>();
  for (const row of new Map(base.map((r) => [r.renewalId, r])).values()) {
    const rows = byQuarter.get(row.quarter) ?? [];
    rows.push({ arrBeforeCents: row.actual.arrBeforeCents, arrAfterCents: row.actual.arrAfterCents });
    byQuarter.set(row.quarter, rows);
  }
  return {
    by,
    groups: accuracyReport(calls, by),
    dataGroups: accuracyReport(data, by),
    retention: [...byQuarter.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([quarter, rows]) => {
        const kept = retention(rows);
        return kept ? [{ quarter, renewals: rows.length, ...kept }] : [];
      }),
    forecasts: calls.length,
    renewals: new Set(base.map((r) => r.renewalId)).size,
  };
}
