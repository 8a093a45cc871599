import { schema } from "@keel/db";
import type { Account, SupportLevel } from "@keel/domain";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { getAccount } from "./get-account.ts";

import { lockAccount } from "./lock-account.ts";

/** A-3 T-45: leadership sets the support level; A-2 segmentation runs on it in the same request. */
export async function setSupportLevel(
  ctx: ServiceContext,
  input: { accountId: string; supportLevel: SupportLevel; expectedVersion: number },
): Promise<Account> {
  const { actor, now, requestId } = ctx;
  const { accountId, supportLevel, expectedVersion } = input;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await authorizeAccount(tx, actor, "account.setSupportLevel", accountId);
    await lockAccount(tx, accountId, expectedVersion);
    const [before] = await tx
      .select({ supportLevel: schema.accounts.supportLevel })
      .from(schema.accounts)
      .where(eq(schema.accounts.id, accountId));
    await tx.execute(
      sql`update accounts set support_level = ${supportLevel}, support_level_set_at = ${now.toISOString()}::timestamptz,
        version = version + 1, updated_at = ${now.toISOString()}::timestamptz where id = ${accountId}::uuid`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.supportLevel.set",
      entity: "account",
      entityId: accountId,
      before,
      after: { supportLevel },
      requestId,
    });
    // A-2 runs on every setting, also on an account the sweep has not looked at yet.
    await reactToAccountChange(tx, accountId, {
      cause: "support level",
      now,
      health: false,
      events: new Map([
        [
          accountId,
          [{ type: "fieldSet", field: "supportLevel", at: now.toISOString(), value: supportLevel }],
        ],
      ]),
    });
    return getAccount(txc, { accountId });
  });
}
