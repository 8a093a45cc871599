import type { ApiKeyScope } from "@keel/domain";
import { authenticateApiKey, systemActor } from "@keel/services";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context.ts";

/** /api/v1/ingest/*: the caller is an API key with `scope` (SPEC §12), not a session. */
export function requireApiKey(scope: ApiKeyScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, now } = c.get("deps");
    const apiKey = await authenticateApiKey(
      { db, actor: systemActor, now: now(), requestId: c.get("requestId") },
      { authorization: c.req.header("authorization"), scope },
    );
    // Per-key limits (docs/security.md): one feed cannot starve the others.
    await c.get("limits").ingest.admit(apiKey.id);
    c.set("apiKey", apiKey);
    await next();
  };
}
