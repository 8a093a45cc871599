import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const repoRoot = resolve(import.meta.dirname, "..");

/**
 * Starts the product as `pnpm start` would (production mode, built web apps), on a fresh
 * embedded database, or on PostgreSQL when E2E_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  for (const app of ["shell", "renewals", "lighthouse", "adoption", "contacts"]) {
    if (!existsSync(join(repoRoot, `apps/${app}/dist/index.html`))) {
      throw new Error(`apps/${app}/dist is missing: run \`pnpm build\` before the end-to-end tests`);
    }
  }
  const port = Number(process.env.E2E_PORT ?? 3210);
  const baseURL = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "keel-e2e-"));
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(repoRoot, "apps/api"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      KEEL_BASE_URL: baseURL,
      KEEL_DATA_DIR: join(dataDir, "data"),
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
      LOG_LEVEL: "warn",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolveExit) => server.once("exit", resolveExit));

  const deadline = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with ${server.exitCode} before it was up`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer ${baseURL}/api/health in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseURL", baseURL);

  return async () => {
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}
