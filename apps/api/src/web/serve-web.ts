import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type RemoteName, remoteNames } from "@keel/federation";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../http/context.ts";

export type WebOptions = {
  /** The built shell (apps/shell/dist). */
  shellDir: string;
  /** Each built remote (apps/<name>/dist), served at /apps/<name>/. */
  remoteDirs: Record<RemoteName, string>;
  /** Where the shell finds each remote's entry at run time: the manifest. */
  remoteEntries: Record<RemoteName, string>;
};

/**
 * Production: one origin serves the API, the shell at / and each remote at /apps/<name>/,
 * so federation needs no CORS. The manifest is read by the shell at run time, so a remote
 * can move without rebuilding the shell.
 */
export function mountWeb(app: Hono<AppEnv>, options: WebOptions) {
  app.get("/apps/manifest.json", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.json({
      remotes: Object.fromEntries(remoteNames.map((name) => [name, { entry: options.remoteEntries[name] }])),
    });
  });

  for (const name of remoteNames) {
    const dir = options.remoteDirs[name];
    const prefix = `/apps/${name}`;
    app.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
    app.use(
      `${prefix}/*`,
      serveStatic({
        root: relative(process.cwd(), dir),
        rewriteRequestPath: (path) => path.slice(prefix.length) || "/",
      }),
    );
    // Standalone remote apps route on the client: unknown pages get their index.html, but a
    // missing file (a stale remoteEntry.js, an old chunk) is a 404, not HTML the browser can't run.
    app.get(`${prefix}/*`, (c) =>
      looksLikeFile(c.req.path) ? c.notFound() : html(c, join(dir, "index.html")),
    );
  }

  app.use("/*", serveStatic({ root: relative(process.cwd(), options.shellDir) }));
  app.get("*", (c) => {
    if (c.req.path.startsWith("/api/") || looksLikeFile(c.req.path)) return c.notFound();
    return html(c, join(options.shellDir, "index.html"));
  });
}

const looksLikeFile = (path: string) => /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf("/") + 1));

const indexCache = new Map<string, string>();
function html(c: Context<AppEnv>, file: string) {
  let body = indexCache.get(file);
  if (body === undefined) {
    if (!existsSync(file)) return c.notFound();
    body = readFileSync(file, "utf8");
    indexCache.set(file, body);
  }
  return c.html(body);
}
