import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ChurnRetroDetail, getChurnRetro } from "./get-churn-retro.ts";
import { lockRetro } from "./update-churn-retro.ts";

/** mark a call to action done (or open again), or change its owner, title or due date. */
export async function updateChurnRetroAction(
  ctx: ServiceContext,
  input: {
    retroId: string;
    actionId: string;
    expectedVersion: number;
    patch: { title?: string; ownerId?: string | null; dueDate?: string; status?: "open" | "done" };
  },
): Promise<ChurnRetroDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, requestId } = txc;
    const retro = await lockRetro(txc, input.retroId);
    await authorizeAccount(db, actor, "account.editChurnRetro", retro.accountId);
    const [action] = await queryRows<{ version: number }>(
      db,
      sql`select version from churn_retro_actions where id = ${input.actionId}::uuid and retro_id = ${retro.id}::uuid
        for no key update`,
    );
    if (!action) throw new ServiceError("not_found", `No call to action ${input.actionId} on this retro`);
    if (action.version !== input.expectedVersion) {
      throw new ServiceError(
        "precondition_failed",
        `The call to action was changed by someone else (you edited version ${input.expectedVersion}, it is now ${action.version})`,
        { currentVersion: action.version },
      );
    }
    const { patch } = input;
    const set = (column: string, value: unknown, cast = "") =>
      value === undefined ? sql`` : sql`${sql.raw(column)} = ${value as string | null}${sql.raw(cast)}, `;
    await db.execute(sql`update churn_retro_actions set
        ${set("title", patch.title)}${set("owner_id", patch.ownerId)}${set("due_date", patch.dueDate, "::date")}
        ${set("status", patch.status)} version = version + 1
      where id = ${input.actionId}::uuid`);
    await db.execute(sql`update churn_retros set version = version + 1 where id = ${retro.id}::uuid`);
    await recordAudit(db, {
      actorId: actor.id,
      action: "churnRetro.action.updated",
      entity: "churn_retro",
      entityId: retro.id,
      after: { actionId: input.actionId, ...patch },
      requestId,
    });
    return getChurnRetro(txc, { retroId: retro.id });
  });
}
