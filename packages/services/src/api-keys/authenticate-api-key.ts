import { timingSafeEqual } from "node:crypto";
import { schema } from "@keel/db";
import type { ApiKeyScope } from "@keel/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { hashApiKey } from "./api-key-secret.ts";

/** Who is calling an ingestion route: an API key, not a person. */
export type ApiKeyPrincipal = { id: string; name: string; scopes: ApiKeyScope[] };

const bearerPattern = /^Bearer\s+(keel_([0-9a-f]{12})_[A-Za-z0-9_-]{16,})$/;

/** Don't write `last_used_at` on every request of a busy feed. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * SPEC §12: authenticates a machine feed by its API key (not a session) and requires `scope`:
 * unauthenticated without a key, with an unknown or revoked one; forbidden without the scope.
 */
export async function authenticateApiKey(
  { db, now }: ServiceContext,
  input: { authorization: string | undefined; scope: ApiKeyScope },
): Promise<ApiKeyPrincipal> {
  const match = bearerPattern.exec(input.authorization?.trim() ?? "");
  if (!match) {
    throw new ServiceError(
      "unauthenticated",
      "Send an API key as `Authorization: Bearer keel_…` (admins create keys at /api/v1/api-keys)",
    );
  }
  const [key, prefix] = [match[1]!, match[2]!];
  const [row] = await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.prefix, prefix));
  if (!row || !timingSafeEqual(Buffer.from(hashApiKey(key), "hex"), Buffer.from(row.hash, "hex"))) {
    throw new ServiceError("unauthenticated", "Unknown API key");
  }
  if (row.revokedAt) throw new ServiceError("unauthenticated", "This API key was revoked");
  if (!row.scopes.includes(input.scope)) {
    throw new ServiceError("forbidden", `This API key lacks the scope ${input.scope}`, {
      required: input.scope,
    });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(schema.apiKeys).set({ lastUsedAt: now }).where(eq(schema.apiKeys.id, row.id));
  }
  return { id: row.id, name: row.name, scopes: row.scopes };
}
