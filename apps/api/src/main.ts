import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createDb } from "@keel/db";
import { type RemoteName, remoteNames, remotes, shellDevPort } from "@keel/federation";
import { seedIfEmpty } from "@keel/seed";
import { ensureHealthPolicies, systemContext } from "@keel/services";
import pino from "pino";
import { createApp, type SecurityOptions } from "./app.ts";
import { createAuth } from "./auth/auth.ts";
import { rateLimitsFromEnv } from "./http/rate-limits.ts";
import { startScheduler } from "./jobs/scheduler.ts";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = resolve(process.env.KEEL_DATA_DIR ?? join(repoRoot, ".keel/data"));
const baseURL = process.env.KEEL_BASE_URL ?? `http://localhost:${port}`;
const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

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
const policiesAdded = await ensureHealthPolicies(systemContext(handle.db, new Date(), "startup"));
if (policiesAdded > 0) logger.info({ policiesAdded }, "added the built-in health policies");

// Dev: the Vite servers of the shell and the team apps sign in and write through their proxies.
const devOrigins = production
  ? []
  : [shellDevPort, ...remoteNames.map((name) => remotes[name].devPort)].map(
      (port) => `http://localhost:${port}`,
    );
const auth = createAuth({ db: handle.db, secret: authSecret(), baseURL, trustedOrigins: devOrigins });

/**
 * Where the shell finds each team app (the run-time manifest): same origin in production, the
 * app's own dev server in dev (the shell's dev server proxies the manifest to us); either can be
 * moved with KEEL_REMOTE_<NAME>_URL without rebuilding the shell.
 */
function remoteEntry(name: RemoteName): string {
  const configured = process.env[`KEEL_REMOTE_${name.toUpperCase()}_URL`];
  if (configured) return configured;
  return production
    ? `/apps/${name}/remoteEntry.js`
    : `http://localhost:${remotes[name].devPort}/apps/${name}/remoteEntry.js`;
}
const byRemote = <T>(value: (name: RemoteName) => T) =>
  Object.fromEntries(remoteNames.map((name) => [name, value(name)])) as Record<RemoteName, T>;
const web = {
  shellDir: join(repoRoot, "apps/shell/dist"),
  remoteDirs: byRemote((name) => join(repoRoot, `apps/${name}/dist`)),
  remoteEntries: byRemote(remoteEntry),
};
if (production && !existsSync(join(web.shellDir, "index.html"))) {
  logger.warn("apps/shell/dist is missing: run `pnpm build` (pnpm start does) to serve the web app");
}

const listSetting = (name: string) =>
  (process.env[name] ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
// Hosts webhooks may reach over http:// or at a private address (local testing, an internal receiver).
const webhookTargets = { allowedHosts: listSetting("KEEL_WEBHOOK_ALLOWED_HOSTS") };
const security: SecurityOptions = {
  allowedOrigins: [baseURL, ...devOrigins],
  trustedProxies: listSetting("KEEL_TRUSTED_PROXIES"),
  rateLimits: rateLimitsFromEnv(process.env),
  // A team app served from another origin must be allowed to load under the CSP.
  remoteOrigins: remoteNames
    .map((name) => web.remoteEntries[name])
    .filter((entry) => /^https?:\/\//.test(entry))
    .map((entry) => new URL(entry).origin),
  https: baseURL.startsWith("https://"),
  webhookTargets,
};
const app = createApp({ db: handle.db, auth, logger, now: () => new Date() }, { web, security });
const server = serve({ fetch: app.fetch, port }, (info) => {
  logger.info(`Keel is up on http://localhost:${info.port}  (API reference: /api/reference)`);
});

// Daily whole-book health sweep (and requested reruns); a database lease keeps it to one instance.
const scheduler =
  process.env.KEEL_SCHEDULER === "false"
    ? null
    : startScheduler({ db: handle.db, logger, now: () => new Date(), webhookTargets });

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
