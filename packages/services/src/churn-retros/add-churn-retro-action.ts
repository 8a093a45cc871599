import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ChurnRetroDetail, getChurnRetro } from "./get-churn-retro.ts";
import { lockRetro } from "./update-churn-retro.ts";

/** a call to action on a retro, with its owner and due date. */
export async function addChurnRetroAction(
  ctx: ServiceContext,
  input: { retroId: string; title: string; ownerId: string | null; dueDate: string },
): Promise<ChurnRetroDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const retro = await lockRetro(txc, input.retroId);
    await authorizeAccount(db, actor, "account.editChurnRetro", retro.accountId);
    if (input.ownerId) {
      const [owner] = await queryRows<{ id: string }>(
        db,
        sql`select id from "user" where id = ${input.ownerId}`,
      );
      if (!owner) {
        throw new ServiceError("unprocessable", `No person ${input.ownerId}`, [
          { path: "ownerId", message: "no such person" },
        ]);
      }
    }
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into churn_retro_actions (retro_id, title, owner_id, due_date, created_at)
        values (${retro.id}::uuid, ${input.title}, ${input.ownerId}, ${input.dueDate}::date, ${now.toISOString()}::timestamptz)
        returning id::text`,
    );
    await db.execute(sql`update churn_retros set version = version + 1 where id = ${retro.id}::uuid`);
    await recordAudit(db, {
      actorId: actor.id,
      action: "churnRetro.action.added",
      entity: "churn_retro",
      entityId: retro.id,
      after: { actionId: row!.id, ...input },
      requestId,
    });
    return getChurnRetro(txc, { retroId: retro.id });
  });
}
