import { type Database, type Executor, schema } from "@keel/db";
import type { Actor, ApiKeyScope } from "@keel/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { ServiceError } from "#errors.ts";
import { generateApiKey } from "./api-key-secret.ts";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

const toView = (row: typeof schema.apiKeys.$inferSelect): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

type Context = { db: Database; actor: Actor; now: Date; requestId: string };

/** SPEC §12: an admin creates a scoped key for a feed; the key is shown once, only its hash is kept. */
export async function createApiKey(
  { db, actor, now, requestId }: Context,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ apiKey: ApiKeyView; key: string }> {
  authorizeGlobal(actor, "apiKey.manage");
  const { key, prefix, hash } = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.apiKeys)
      .values({
        name: input.name,
        prefix,
        hash,
        scopes: [...new Set(input.scopes)],
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    const apiKey = toView(row!);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "apiKey.create",
      entity: "api_key",
      entityId: apiKey.id,
      after: apiKey,
      requestId,
    });
    return { apiKey, key };
  });
}

export async function listApiKeys({ db, actor }: { db: Executor; actor: Actor }): Promise<ApiKeyView[]> {
  authorizeGlobal(actor, "apiKey.manage");
  const rows = await db
    .select()
    .from(schema.apiKeys)
    .orderBy(desc(schema.apiKeys.createdAt), desc(schema.apiKeys.id));
  return rows.map(toView);
}

/** Revoking is immediate: the next request with the key gets 401. Revoking twice is harmless. */
export async function revokeApiKey({ db, actor, now, requestId }: Context, id: string): Promise<ApiKeyView> {
  authorizeGlobal(actor, "apiKey.manage");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id));
    if (!current) throw new ServiceError("not_found", `API key ${id} does not exist`);
    if (current.revokedAt) return toView(current);
    const [row] = await tx
      .update(schema.apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(schema.apiKeys.id, id), isNull(schema.apiKeys.revokedAt)))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "apiKey.revoke",
      entity: "api_key",
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      requestId,
    });
    return toView(row!);
  });
}
