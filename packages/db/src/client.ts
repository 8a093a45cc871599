import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or a transaction: what a service verb accepts. */
export type Executor = Database | Transaction;

export type DbHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  /** The PGlite instance when embedded (tests snapshot it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export type CreateDbOptions = {
  /** postgres://… — PostgreSQL through postgres.js. Without it, embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; "memory" for an in-memory database. Default `./.keel/data`. */
  dataDir?: string;
  /** A PGlite data-dir snapshot to start from (tests). */
  loadDataDir?: Blob;
  /** Apply committed migrations before returning. Default true. */
  migrate?: boolean;
  /** postgres.js pool size. */
  maxConnections?: number;
};

/**
 * The one way the product opens its database: PostgreSQL when a URL is given
 * (production), else PGlite in a local folder (the embedded default).
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const shouldMigrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      // Re-running migrations prints NOTICEs ("already exists, skipping"): not news.
      onnotice: () => {},
      // No JIT: our reads are short and the planner's cost for a year of renewals crosses
      // jit_above_cost, so compiling took 470 ms of a 910 ms roll-up at 100k accounts (BENCHMARKS.md).
      connection: { jit: "off" },
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    if (shouldMigrate) await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? "./.keel/data";
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite({
    dataDir: dataDir === "memory" ? undefined : dataDir,
    loadDataDir: options.loadDataDir,
  });
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  if (shouldMigrate) await migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder });
  return { db, kind: "pglite", pglite, close: () => pglite.close() };
}
