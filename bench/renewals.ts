/**
 * The renewals app's reads (issue "renewals", part 8) over a book with two years of renewal
 * history. Not part of `pnpm test` or CI.
 *
 *   pnpm --filter @keel/bench bench:renewals [--sizes 10000] [--targets pglite,postgres] [--iterations 30] [--no-write]
 *     [--keep-db keel_bench_renewals]   (PostgreSQL: seed once into that database, reuse it next time)
 *
 * Seeds a book with its processed renewals and weekly forecasts (no playbook replay), opens the
 * current cycle's renewals, then times on the same database: the pipeline page (50 rows, open
 * renewals of this quarter, by due date), the quarterly roll-up and the accuracy report, each
 * beside a bare SQL aggregate over the same rows (the baseline). Figures go to BENCHMARKS.md
 * between the renewals markers.
 */
import { parseArgs } from "node:util";
import { quarterOf, renewalPolicy } from "@keel/domain";
import { seedDemoData } from "@keel/seed";
import {
  getForecastAccuracy,
  getRenewal,
  getRenewalForecast,
  listRenewals,
  quarterRange,
  syncRenewals,
  systemContext,
} from "@keel/services";
import {
  log,
  median,
  openBenchDb,
  percentile,
  round,
  rows,
  type Target,
  today,
  writeBenchmarkSection,
} from "./lib.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000" },
    targets: { type: "string" },
    iterations: { type: "string", default: "30" },
    "no-write": { type: "boolean", default: false },
    "keep-db": { type: "string" },
  },
});
const targets = (values.targets ?? (process.env.BENCH_DATABASE_URL ? "postgres" : "pglite")).split(
  ",",
) as Target[];
const iterations = Number(values.iterations);

type Measure = {
  name: string;
  medianMs: number;
  p99Ms: number;
  baselineMs: number;
  ratio: number;
  target: string;
};
const results: Array<Measure & { target: Target; accounts: number; renewals: number; forecasts: number }> =
  [];

async function times(fn: () => Promise<unknown>, runs = iterations): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

for (const target of targets) {
  for (const accounts of values.sizes!.split(",").map(Number)) {
    const keep = values["keep-db"] && target === "postgres" ? `${values["keep-db"]}_${accounts}` : undefined;
    const handle = await openBenchDb(target, { keep });
    try {
      const day = today();
      const now = new Date();
      const [seeded] = await rows<{ n: number }>(handle.db, "select count(*)::int as n from accounts");
      if (seeded!.n === 0) {
        log(target, `seeding ${accounts} accounts with two years of renewals`);
        await seedDemoData(handle.db, {
          accounts,
          seed: 42,
          today: day,
          health: { usageDays: 3, backfillMonths: 0, usageEveryDays: 1 },
          playbookReplayDays: false,
        });
      } else log(target, `reusing ${keep} (${seeded!.n} accounts)`);
      await syncRenewals(handle.db, { today: day, at: now });
      await handle.db.execute("analyze");
      const [counts] = await rows<{ renewals: number; forecasts: number }>(
        handle.db,
        "select (select count(*)::int from renewals) as renewals, (select count(*)::int from renewal_forecasts) as forecasts",
      );
      const ctx = systemContext(handle.db, now, "bench");
      const quarter = quarterOf(day, renewalPolicy);
      const [from, to] = quarterRange(quarter);
      const [sample] = await rows<{ id: string }>(
        handle.db,
        `select id from renewals where processed_at is null and due_date between '${from}' and '${to}' order by due_date, id limit 1`,
      );
      const accuracyBaseline = `select f.author_id, count(*), avg(1 - abs(f.expected_arr_cents - r.arr_after_cents)::float / nullif(r.arr_after_cents, 0))
            from renewal_forecasts f join renewals r on r.id = f.renewal_id where r.processed_at is not null group by 1`;
      const measures: Array<[string, () => Promise<unknown>, string]> = [
        [
          "pipeline page (50 rows, this quarter, open)",
          () =>
            listRenewals(ctx, {
              status: "open",
              quarter,
              sort: "dueDate",
              order: "asc",
              page: 1,
              pageSize: 50,
            }),
          `select r.id, a.name, r.due_date from renewals r join accounts a on a.id = r.account_id
            where r.processed_at is null and r.due_date between '${from}' and '${to}' order by r.due_date, r.id limit 50`,
        ],
        [
          "quarterly roll-up (4 quarters)",
          () => getRenewalForecast(ctx),
          `select date_trunc('quarter', r.due_date), coalesce(r.outcome, 'open'), count(*), sum(r.arr_at_stake_cents)
            from renewals r where r.due_date >= '${from}' and r.due_date < '${from}'::date + 366 group by 1, 2`,
        ],
        [
          "renewal detail (with its data forecast)",
          () => getRenewal(ctx, { renewalId: sample!.id }),
          `select r.*, a.name from renewals r join accounts a on a.id = r.account_id where r.id = '${sample!.id}'`,
        ],
        [
          "accuracy report (by AE), kept snapshot",
          () => getForecastAccuracy(ctx, { by: "ae" }),
          accuracyBaseline,
        ],
        [
          "accuracy report (by AE), recomputed after a renewal is processed",
          async () => {
            await handle.db.execute("delete from report_snapshots");
            return getForecastAccuracy(ctx, { by: "ae" });
          },
          accuracyBaseline,
        ],
      ];
      for (const [name, fn, baselineSql] of measures) {
        // Recomputing the accuracy report reads every processed forecast: fewer runs of it.
        const measured = await times(fn, name.includes("recomputed") ? Math.min(iterations, 5) : iterations);
        const baseline = await times(() => rows(handle.db, baselineSql));
        const row = {
          target,
          accounts,
          renewals: counts!.renewals,
          forecasts: counts!.forecasts,
          name,
          medianMs: round(median(measured)),
          p99Ms: round(percentile(measured, 99)),
          baselineMs: round(median(baseline)),
          // Two decimals below 1: a snapshot read is a fraction of the bare aggregate, not "0×".
          ratio: round(
            median(measured) / Math.max(median(baseline), 0.01),
            median(measured) < median(baseline) ? 2 : 1,
          ),
        };
        log(target, row);
        results.push(row);
      }
    } finally {
      await handle.close();
    }
  }
}

const table = [
  "| target | accounts | renewals | forecasts | read | median | p99 | bare SQL (median) | ÷ bare SQL |",
  "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
  ...results.map(
    (r) =>
      `| ${r.target} | ${r.accounts.toLocaleString("en-US")} | ${r.renewals.toLocaleString("en-US")} | ${r.forecasts.toLocaleString("en-US")} | ${r.name} | ${r.medianMs} ms | ${r.p99Ms} ms | ${r.baselineMs} ms | ${r.ratio}× |`,
  ),
].join("\n");
console.log(table);

if (!values["no-write"]) {
  writeBenchmarkSection(
    "renewals",
    `## Renewals

\`pnpm --filter @keel/bench bench:renewals\`, ${new Date().toISOString().slice(0, 10)}: the renewals app's reads over a
book with two years of processed renewals and their weekly forecasts (${iterations} timed calls each after
a warm-up, 5 for the recomputed accuracy report; the bare SQL is an aggregate over the same rows,
in the same run). Targets (issue "renewals"): pipeline page p99 < 50 ms, roll-up and accuracy
p99 < 300 ms at 100,000 accounts. The accuracy report is kept as a snapshot until a renewal is
processed or a seat changes (ADR 0014): both the kept and the recomputed cost are shown; the
recompute is the one figure still far from its target (ADR 0014 says why, and what would close it).

${table}`,
  );
}
