import { queryRows } from "@keel/db";
import type { ClosedLostCategory } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ChurnRetroDetail, getChurnRetro } from "./get-churn-retro.ts";

export type ChurnRetroPatch = {
  lessonsLearned?: string;
  status?: "open" | "reviewed" | "closed";
  closedLostCategory?: ClosedLostCategory | null;
  churnReason?: string | null;
  sponsorId?: string | null;
};

/** the retro's lessons learned, status, category, reason and sponsor (If-Match). */
export async function updateChurnRetro(
  ctx: ServiceContext,
  input: { retroId: string; expectedVersion: number; patch: ChurnRetroPatch },
): Promise<ChurnRetroDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, requestId } = txc;
    const retro = await lockRetro(txc, input.retroId, input.expectedVersion);
    await authorizeAccount(db, actor, "account.editChurnRetro", retro.accountId);
    const { patch } = input;
    if (patch.sponsorId) {
      const [sponsor] = await queryRows<{ id: string }>(
        db,
        sql`select id from "user" where id = ${patch.sponsorId} and ('manager' = any(roles) or 'exec' = any(roles))`,
      );
      if (!sponsor) {
        throw new ServiceError("unprocessable", "The sponsor must be a manager or an exec", [
          { path: "sponsorId", message: "not a manager or exec" },
        ]);
      }
    }
    const set = (column: string, value: unknown) =>
      value === undefined ? sql`` : sql`${sql.raw(column)} = ${value as string | null}, `;
    await db.execute(sql`update churn_retros set
        ${set("lessons_learned", patch.lessonsLearned)}${set("status", patch.status)}
        ${set("closed_lost_category", patch.closedLostCategory)}${set("churn_reason", patch.churnReason)}
        ${set("sponsor_id", patch.sponsorId)} version = version + 1
      where id = ${retro.id}::uuid`);
    await recordAudit(db, {
      actorId: actor.id,
      action: "churnRetro.updated",
      entity: "churn_retro",
      entityId: retro.id,
      after: patch,
      requestId,
    });
    return getChurnRetro(txc, { retroId: retro.id });
  });
}

export async function lockRetro(ctx: ServiceContext, retroId: string, expectedVersion?: number) {
  const [row] = await queryRows<{ id: string; account_id: string; version: number }>(
    ctx.db,
    sql`select id::text, account_id::text, version from churn_retros where id = ${retroId}::uuid for no key update`,
  );
  if (!row) throw new ServiceError("not_found", `Churn retro ${retroId} does not exist`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new ServiceError(
      "precondition_failed",
      `The retro was changed by someone else (you edited version ${expectedVersion}, it is now ${row.version}); reload and try again`,
      { currentVersion: row.version },
    );
  }
  return { id: row.id, accountId: row.account_id, version: row.version };
}
