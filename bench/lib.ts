import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createDb, type Database, type DbHandle } from "@keel/db";
import { seedDemoData } from "@keel/seed";

export type Target = "pglite" | "postgres";

export const median = (xs: number[]) => percentile(xs, 50);
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function rows<T>(db: Database, query: string): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on close. */
/**
 * A fresh database for one benchmark, dropped on close. `keep` names a PostgreSQL database that
 * outlives the run instead (created when missing, migrated, never dropped): a big seeded book is
 * then seeded once and measured again after a change.
 */
export async function openBenchDb(target: Target, { keep }: { keep?: string } = {}): Promise<DbHandle> {
  if (target === "pglite") return createDb({ dataDir: "memory" });
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL is not set");
  const name = keep ?? `keel_bench_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`"${name}" is not a plain database name`);
  const admin = await createDb({ databaseUrl: url, migrate: false, maxConnections: 1 });
  const exists = await rows(admin.db, `select 1 from pg_database where datname = '${name}'`);
  if (exists.length === 0) await admin.db.execute(`CREATE DATABASE "${name}"`);
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: parsed.toString(), maxConnections: 10 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      if (!keep) await admin.db.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The demo seed with the smallest realistic health input: `usageDays` of daily usage, no backfill. */
export async function seedBook(db: Database, accounts: number, usageDays: number) {
  const started = performance.now();
  await seedDemoData(db, {
    accounts,
    seed: 42,
    today: today(),
    health: { usageDays, backfillMonths: 0, usageEveryDays: 1 },
    renewals: false,
  });
  return (performance.now() - started) / 1000;
}

export const log = (...args: unknown[]) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

/**
 * Puts `body` into BENCHMARKS.md between `<!-- name:start -->` and `<!-- name:end -->` (appended
 * the first time; text outside the markers is kept), then formats it as Biome's lint expects.
 */
export function writeBenchmarkSection(name: string, body: string) {
  const path = new URL("../BENCHMARKS.md", import.meta.url);
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
  spawnSync("pnpm", ["exec", "biome", "format", "--write", "BENCHMARKS.md"], {
    cwd: new URL("..", import.meta.url),
    stdio: "ignore",
  });
  log("wrote BENCHMARKS.md");
}
