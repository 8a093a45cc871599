import { schema } from "@keel/db";
import type { ApiKeyScope } from "@keel/domain";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { generateApiKey } from "./api-key-secret.ts";
import { type ApiKeyView, toView } from "./api-key-view.ts";

/** SPEC §12: an admin creates a scoped key for a feed; the key is shown once, only its hash is kept. */
export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ apiKey: ApiKeyView; key: string }> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "apiKey.manage");
  const { key, prefix, hash } = generateApiKey();
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
