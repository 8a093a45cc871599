import { randomUUID } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
// The ProvidedContext augmentation below needs vitest in the program (db itself has no tests).
import type {} from "vitest";
import { createDb, type Database, type DbHandle } from "./client.ts";

/**
 * Per-test-file databases, fast. A fresh PGlite takes seconds to create and migrate here,
 * so migrations run once (vitest globalSetup) and each file starts from that snapshot:
 * a PGlite data-dir dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 * `fill` puts shared data in the snapshot once (the API's tests: the demo company), so no file
 * pays for it again.
 */
export type TestDatabaseTemplate =
  | { kind: "pglite"; dumpPath: string }
  | { kind: "postgres"; url: string; templateName: string };

export async function prepareTestDatabaseTemplate(fill?: (db: Database) => Promise<unknown>): Promise<{
  template: TestDatabaseTemplate;
  teardown: () => Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateName = `keel_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${templateName}"`);
    const handle = await createDb({ databaseUrl: withDatabase(url, templateName), maxConnections: 1 });
    await fill?.(handle.db);
    await handle.close();
    return {
      template: { kind: "postgres", url, templateName },
      teardown: async () => {
        await admin.unsafe(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const handle = await createDb({ dataDir: "memory" });
  await fill?.(handle.db);
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  const dumpPath = join(tmpdir(), `keel-test-template-${process.pid}-${randomUUID()}.tar`);
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  return { template: { kind: "pglite", dumpPath }, teardown: () => rm(dumpPath, { force: true }) };
}

/** A fresh, migrated, empty database for one test file. `close()` throws it away. */
export async function openTestDatabase(template: TestDatabaseTemplate): Promise<DbHandle> {
  if (template.kind === "pglite") {
    const bytes = await readFile(template.dumpPath);
    return createDb({ dataDir: "memory", loadDataDir: new Blob([bytes]), migrate: false });
  }
  const name = `keel_test_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(template.url, { max: 1, onnotice: () => {} });
  // Two files copying the template at the same instant can collide ("being accessed by other users").
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template.templateName}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
  const handle = await createDb({
    databaseUrl: withDatabase(template.url, name),
    migrate: false,
    maxConnections: 4,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  /** What the db test global setup hands every test file (`inject("dbTemplate")`). */
  export interface ProvidedContext {
    dbTemplate: TestDatabaseTemplate;
  }
}
