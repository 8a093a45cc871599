import { schema } from "@keel/db";
import { desc } from "drizzle-orm";
import { authorizeGlobal } from "#authorization/authorize.ts";
import type { ServiceContext } from "#context.ts";
import { type ApiKeyView, toView } from "./api-key-view.ts";

export async function listApiKeys({ db, actor }: ServiceContext): Promise<ApiKeyView[]> {
  authorizeGlobal(actor, "apiKey.manage");
  const rows = await db
    .select()
    .from(schema.apiKeys)
    .orderBy(desc(schema.apiKeys.createdAt), desc(schema.apiKeys.id));
  return rows.map(toView);
}
