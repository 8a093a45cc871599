/**
 * The daily playbook sweep over a whole book. Not part of `pnpm test` or CI.
 *
 *   pnpm --filter @keel/bench bench:playbooks [--sizes 10000] [--targets pglite,postgres] [--no-write]
 *
 * Seeds a book (health inputs, no playbook replay), then times, on the same database:
 * the bare read of every account's state (the baseline: one set-based query), planning (read +
 * stages + every playbook, nothing written), the first sweep of the day (which fires), and
 * repeated sweeps the same day (which must fire nothing new). Figures go to BENCHMARKS.md
 * between the playbooks markers.
 */
import { parseArgs } from "node:util";
import { seedDemoData } from "@keel/seed";
import {
  ensureBuiltinPlaybooks,
  loadAccountStates,
  planAutomation,
  runPlaybookSweep,
  systemContext,
} from "@keel/services";
import { log, median, openBenchDb, round, rows, type Target, today, writeBenchmarkSection } from "./lib.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000" },
    targets: { type: "string" },
    runs: { type: "string", default: "3" },
    "no-write": { type: "boolean", default: false },
  },
});
const targets = (values.targets ?? (process.env.BENCH_DATABASE_URL ? "pglite,postgres" : "pglite")).split(
  ",",
) as Target[];
const runs = Number(values.runs);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [(performance.now() - started) / 1000, result];
}

type Row = {
  target: Target;
  accounts: number;
  readSeconds: number;
  planSeconds: number;
  firstSweepSeconds: number;
  fired: number;
  repeatSweepSeconds: number;
  repeatFired: number;
  ratio: number;
};

const results: Row[] = [];
for (const target of targets) {
  for (const accounts of values.sizes!.split(",").map(Number)) {
    const handle = await openBenchDb(target);
    try {
      log(target, `seeding ${accounts} accounts`);
      await seedDemoData(handle.db, {
        accounts,
        seed: 42,
        today: today(),
        health: { usageDays: 3, backfillMonths: 0, usageEveryDays: 1 },
        playbookReplayDays: false,
        renewals: false,
      });
      await ensureBuiltinPlaybooks(handle.db);
      await handle.db.execute("analyze");
      const at = new Date();
      const read: number[] = [];
      const plan: number[] = [];
      for (let i = 0; i < runs; i++) {
        read.push((await timed(() => loadAccountStates(handle.db)))[0]);
        plan.push((await timed(() => planAutomation(handle.db, { today: today(), at })))[0]);
      }
      const [firstSweepSeconds, first] = await timed(() =>
        runPlaybookSweep(systemContext(handle.db, new Date(), "bench"), { clock: () => new Date() }),
      );
      const repeats: number[] = [];
      let repeatFired = 0;
      for (let i = 0; i < runs; i++) {
        const [seconds, again] = await timed(() =>
          runPlaybookSweep(systemContext(handle.db, new Date(), "bench"), { clock: () => new Date() }),
        );
        repeats.push(seconds);
        if (again.status === "done") repeatFired += again.fired;
      }
      const [count] = await rows<{ n: number }>(handle.db, "select count(*)::int as n from playbook_firings");
      const row: Row = {
        target,
        accounts,
        readSeconds: round(median(read), 2),
        planSeconds: round(median(plan), 2),
        firstSweepSeconds: round(firstSweepSeconds, 2),
        fired: first.status === "done" ? first.fired : -1,
        repeatSweepSeconds: round(median(repeats), 2),
        repeatFired,
        ratio: round(median(repeats) / Math.max(median(read), 0.001), 1),
      };
      log(target, row, `${count?.n} firings stored`);
      results.push(row);
    } finally {
      await handle.close();
    }
  }
}

const table = [
  "| target | accounts | read all states (baseline) | plan only | first sweep of the day | actions fired | repeat sweep (median) | fired on repeat | repeat ÷ baseline |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(
    (r) =>
      `| ${r.target} | ${r.accounts.toLocaleString("en-US")} | ${r.readSeconds} s | ${r.planSeconds} s | ${r.firstSweepSeconds} s | ${r.fired.toLocaleString("en-US")} | ${r.repeatSweepSeconds} s | ${r.repeatFired} | ${r.ratio}× |`,
  ),
].join("\n");
console.log(table);

if (!values["no-write"]) {
  writeBenchmarkSection(
    "playbooks",
    `## Playbook sweep

\`pnpm --filter @keel/bench bench:playbooks\`, ${new Date().toISOString().slice(0, 10)}: the daily sweep over a whole
book (medians of ${runs} runs; the baseline is the one set-based read of every account's state
that the sweep starts from). A repeat sweep the same day must fire nothing (occurrence keys).

${table}`,
  );
}
