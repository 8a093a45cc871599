import { schema } from "@keel/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ApiKeyView, toView } from "./api-key-view.ts";

/** Revoking is immediate: the next request with the key gets 401. Revoking twice is harmless. */
export async function revokeApiKey(ctx: ServiceContext, { id }: { id: string }): Promise<ApiKeyView> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "apiKey.manage");
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
