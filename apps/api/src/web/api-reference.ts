import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "../http/context.ts";

/** A readable API reference (Scalar) served from local files: no CDN, no web fonts. */
export function mountApiReference(app: Hono<AppEnv>) {
  const require = createRequire(import.meta.url);
  let script: string | undefined;
  app.get("/api/reference/standalone.js", (c) => {
    // The package does not export its browser bundle; it sits beside the main entry.
    script ??= readFileSync(
      join(dirname(require.resolve("@scalar/api-reference")), "browser/standalone.js"),
      "utf8",
    );
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(script);
  });
  // The page's start-up call is a file, not an inline script, so the CSP needs no exception.
  app.get("/api/reference/init.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(
      'Scalar.createApiReference("#app", { url: "/api/openapi.json", withDefaultFonts: false, hideClientButton: true });\n',
    );
  });
  app.get("/api/reference", (c) =>
    c.html(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Keel API reference</title><meta name="viewport" content="width=device-width, initial-scale=1" /></head>
  <body>
    <div id="app"></div>
    <script src="/api/reference/standalone.js"></script>
    <script src="/api/reference/init.js"></script>
  </body>
</html>`),
  );
}
