import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createDb, ensureHealthPolicies, seedIfEmpty } from "@keel/db";
import pino from "pino";
import { createApp } from "./app.ts";
import { createAuth } from "./auth/auth.ts";
import { startHealthScheduler } from "./jobs/scheduler.ts";
import { type RemoteName, remoteNames } from "./web/serve-web.ts";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = resolve(process.env.KEEL_DATA_DIR ?? join(repoRoot, ".keel/data"));
const baseURL = process.env.KEEL_BASE_URL ?? `http://localhost:${port}`;
const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

/** Dev servers of the Vite apps (pnpm dev), in the order of their ports. */
const devPorts: Record<"shell" | RemoteName, number> = {
  shell: 5173,
  renewals: 5174,
  lighthouse: 5175,
  adoption: 5176,
  contacts: 5177,
};

const handle = await createDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
logger.info({ database: handle.kind, ...(handle.kind === "pglite" && { dataDir }) }, "database ready");
if (process.env.KEEL_SEED !== "false") {
  const started = performance.now();
  const seeded = await seedIfEmpty(handle.db);
  if (seeded) {
    logger.info(
      { ...seeded, durationMs: Math.round(performance.now() - started) },
      "seeded demo data (sign in as ta@keel.test / keel-demo)",
    );
  }
}
// H-1: the handbook's health policies exist even in a database that was never seeded.
const policiesAdded = await ensureHealthPolicies(handle.db);
if (policiesAdded > 0) logger.info({ policiesAdded }, "added the built-in health policies");

const auth = createAuth({
  db: handle.db,
  secret: authSecret(),
  baseURL,
  trustedOrigins: production ? [] : Object.values(devPorts).map((p) => `http://localhost:${p}`),
});

const web = production
  ? {
      shellDir: join(repoRoot, "apps/shell/dist"),
      remoteDirs: Object.fromEntries(remoteNames.map((n) => [n, join(repoRoot, `apps/${n}/dist`)])) as Record<
        RemoteName,
        string
      >,
      remoteEntries: Object.fromEntries(
        remoteNames.map((n) => [
          n,
          process.env[`KEEL_REMOTE_${n.toUpperCase()}_URL`] ?? `/apps/${n}/remoteEntry.js`,
        ]),
      ) as Record<RemoteName, string>,
    }
  : {
      // Dev: the API still answers the manifest; the shell's dev server proxies to it.
      shellDir: join(repoRoot, "apps/shell/dist"),
      remoteDirs: Object.fromEntries(remoteNames.map((n) => [n, join(repoRoot, `apps/${n}/dist`)])) as Record<
        RemoteName,
        string
      >,
      remoteEntries: Object.fromEntries(
        remoteNames.map((n) => [n, `http://localhost:${devPorts[n]}/apps/${n}/remoteEntry.js`]),
      ) as Record<RemoteName, string>,
    };
if (production && !existsSync(join(web.shellDir, "index.html"))) {
  logger.warn("apps/shell/dist is missing: run `pnpm build` (pnpm start does) to serve the web app");
}

const app = createApp({ db: handle.db, auth, logger, now: () => new Date() }, { web });
const server = serve({ fetch: app.fetch, port }, (info) => {
  logger.info(`Keel is up on http://localhost:${info.port}  (API reference: /api/reference)`);
});

// Daily whole-book health sweep (and requested reruns); a database lease keeps it to one instance.
const scheduler =
  process.env.KEEL_SCHEDULER === "false"
    ? null
    : startHealthScheduler({ db: handle.db, logger, now: () => new Date() });

const shutdown = async () => {
  scheduler?.stop();
  server.close();
  await handle.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

/**
 * BETTER_AUTH_SECRET signs sessions. Production on PostgreSQL must set it; the embedded
 * default keeps a random one beside its data so sessions survive restarts.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  if (handle.kind === "postgres" && production) {
    throw new Error(
      "Set BETTER_AUTH_SECRET (32+ random characters) when running on PostgreSQL in production",
    );
  }
  const file = join(dirname(dataDir), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
