import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { schema } from "@keel/db";
import type { ApiKeyScope } from "@keel/domain";
import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context.ts";
import { ApiError } from "../http/errors.ts";

/**
 * API keys for machine feeds (SPEC §12): `keel_<prefix>_<secret>`. The prefix finds the key;
 * only a SHA-256 of the whole key is stored, so a database leak does not leak keys.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(24).toString("base64url");
  const key = `keel_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const bearerPattern = /^Bearer\s+(keel_([0-9a-f]{12})_[A-Za-z0-9_-]{16,})$/;

/** Don't write `last_used_at` on every request of a busy feed. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Authenticates an ingestion request by its API key (not a session) and requires `scope`:
 * 401 without a key, with an unknown or revoked one; 403 when the key lacks the scope.
 */
export function requireApiKey(scope: ApiKeyScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, now } = c.get("deps");
    const match = bearerPattern.exec(c.req.header("authorization")?.trim() ?? "");
    if (!match) {
      throw new ApiError(
        "unauthenticated",
        "Send an API key as `Authorization: Bearer keel_…` (admins create keys at /api/v1/api-keys)",
      );
    }
    const [key, prefix] = [match[1]!, match[2]!];
    const [row] = await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.prefix, prefix));
    if (!row || !timingSafeEqual(Buffer.from(hashApiKey(key), "hex"), Buffer.from(row.hash, "hex"))) {
      throw new ApiError("unauthenticated", "Unknown API key");
    }
    if (row.revokedAt) throw new ApiError("unauthenticated", "This API key was revoked");
    if (!row.scopes.includes(scope)) {
      throw new ApiError("forbidden", `This API key lacks the scope ${scope}`, { required: scope });
    }
    // Per-key limits (docs/security.md): one feed cannot starve the others.
    await c.get("limits").ingest.admit(row.id);
    const at = now();
    if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await db.update(schema.apiKeys).set({ lastUsedAt: at }).where(eq(schema.apiKeys.id, row.id));
    }
    c.set("apiKey", { id: row.id, name: row.name, scopes: row.scopes });
    await next();
  };
}
