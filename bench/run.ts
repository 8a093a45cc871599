/**
 * Keel benchmarks (ingestion, latency, whole-book recompute). Not part of `pnpm test` or CI.
 *
 *   pnpm --filter @keel/bench bench [--only ingest,latency,recompute] [--targets pglite,postgres]
 *     [--sizes 10000,100000] [--pglite-sizes 10000] [--iterations 200] [--usage-days 3]
 *     [--label after] [--no-phases] [--no-write]
 *
 * PostgreSQL runs need BENCH_DATABASE_URL (a role that may CREATE DATABASE); each run gets a
 * fresh database, dropped afterwards. Results go to bench/results.json and BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { benchApp } from "./app.ts";
import { benchIngest, type IngestFigures } from "./ingest.ts";
import { benchLatency, type LatencyFigures } from "./latency.ts";
import { log, openBenchDb, rows, seedBook, type Target } from "./lib.ts";
import { benchRecompute, type RecomputeFigures } from "./recompute.ts";
import { renderMarkdown } from "./report.ts";

const { values } = parseArgs({
  options: {
    only: { type: "string", default: "ingest,latency,recompute" },
    targets: { type: "string" },
    sizes: { type: "string", default: "10000,100000" },
    "pglite-sizes": { type: "string", default: "10000" },
    iterations: { type: "string", default: "200" },
    "usage-days": { type: "string", default: "3" },
    label: { type: "string", default: "current" },
    "no-phases": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    runs: { type: "string", default: "2" },
  },
});

const only = new Set(values.only!.split(","));
const targets = (values.targets ?? (process.env.BENCH_DATABASE_URL ? "pglite,postgres" : "pglite")).split(
  ",",
) as Target[];
const usageDays = Number(values["usage-days"]);
const iterations = Number(values.iterations);
const sizesFor = (t: Target) =>
  (t === "pglite" ? values["pglite-sizes"]! : values.sizes!)
    .split(",")
    .map(Number)
    .filter((n) => n > 0);

export type TargetResult = {
  date: string;
  ingest?: IngestFigures[];
  latency?: LatencyFigures[];
  recompute?: RecomputeFigures[];
  postgresVersion?: string;
};

const resultsPath = new URL("./results.json", import.meta.url);
const mdPath = new URL("../BENCHMARKS.md", import.meta.url);
const results: { machine: Record<string, string>; runs: Record<string, Record<string, TargetResult>> } =
  existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : { machine: {}, runs: {} };

const benchStarted = performance.now();
for (const target of targets) {
  const out: TargetResult = { date: new Date().toISOString() };
  const sizes = sizesFor(target);
  const firstSize = Math.min(...sizes, 10_000);
  // One book of the smallest size serves ingestion, latency and the first recompute.
  if (only.has("ingest") || only.has("latency") || (only.has("recompute") && sizes.includes(firstSize))) {
    const handle = await openBenchDb(target);
    try {
      if (target === "postgres")
        out.postgresVersion = (
          await rows<{ server_version: string }>(handle.db, "show server_version")
        )[0]!.server_version.split(" ")[0];
      log(target, `seeding ${firstSize} accounts, ${usageDays} usage days`);
      const seedSeconds = await seedBook(handle.db, firstSize, usageDays);
      log(target, `seeded in ${seedSeconds.toFixed(1)} s`);
      if (only.has("recompute") && sizes.includes(firstSize)) {
        out.recompute = [
          await benchRecompute(handle.db, {
            accounts: firstSize,
            seedSeconds,
            usageDays,
            runs: Number(values.runs),
            phases: !values["no-phases"],
          }),
        ];
      }
      const app = await benchApp(handle.db);
      if (only.has("latency")) out.latency = await benchLatency(handle.db, app, { iterations });
      if (only.has("ingest"))
        out.ingest = await benchIngest(handle.db, app, { batchSizes: [1_000, 5_000], rowsPerSize: 20_000 });
    } finally {
      await handle.close();
    }
  }
  if (only.has("recompute")) {
    for (const size of sizes.filter((s) => s !== firstSize)) {
      const handle = await openBenchDb(target);
      try {
        log(target, `seeding ${size} accounts, ${usageDays} usage days`);
        const seedSeconds = await seedBook(handle.db, size, usageDays);
        log(target, `seeded in ${seedSeconds.toFixed(1)} s`);
        out.recompute = [
          ...(out.recompute ?? []),
          await benchRecompute(handle.db, {
            accounts: size,
            seedSeconds,
            usageDays,
            runs: Number(values.runs),
            phases: !values["no-phases"],
          }),
        ];
      } finally {
        await handle.close();
      }
    }
  }
  results.runs[values.label!] ??= {};
  const previous = results.runs[values.label!]![target] ?? { date: out.date };
  // Keep the parts of an earlier run of this label that this run did not redo.
  results.runs[values.label!]![target] = {
    ...previous,
    ...Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)),
  } as TargetResult;
  if (target === "postgres" && out.postgresVersion)
    results.machine.postgres = `PostgreSQL ${out.postgresVersion}`;
}

results.machine = {
  ...results.machine,
  cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown"}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  pglite: "PGlite (in-memory, same process)",
};
log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
console.log(JSON.stringify(results.runs[values.label!], null, 2));
if (!values["no-write"]) {
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const existing = existsSync(mdPath) ? readFileSync(mdPath, "utf8") : "";
  writeFileSync(mdPath, renderMarkdown(existing, results));
  // The repository's formatter aligns the tables (`pnpm lint` checks BENCHMARKS.md too).
  spawnSync("pnpm", ["exec", "biome", "format", "--write", "BENCHMARKS.md"], {
    cwd: new URL("..", import.meta.url),
    stdio: "ignore",
  });
  log("wrote bench/results.json and BENCHMARKS.md");
}
