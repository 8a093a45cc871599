import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { lockEnrolment } from "./lock-enrolment.ts";

export type LighthouseUpdateInput = { progress: string; blockers?: string; risks?: string; asks?: string };

/**
 * LH-4: the TA's weekly update on the save plan (progress, blockers, risks, asks). Appended, so
 * two updates never overwrite each other; an exited enrolment takes none (409).
 */
export async function postLighthouseUpdate(
  ctx: ServiceContext,
  input: { enrolmentId: string; update: LighthouseUpdateInput },
): Promise<{ id: string }> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const enrolment = await lockEnrolment(db, input.enrolmentId);
    await authorizeAccount(db, actor, "account.updateLighthouse", enrolment.accountId);
    const { progress, blockers = "", risks = "", asks = "" } = input.update;
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into lighthouse_updates (enrolment_id, author_id, progress, blockers, risks, asks, created_at)
        values (${enrolment.id}::uuid, ${actor.id}, ${progress}, ${blockers}, ${risks}, ${asks}, ${now.toISOString()}::timestamptz)
        returning id::text`,
    );
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.update.posted",
      entity: "lighthouse_enrolment",
      entityId: enrolment.id,
      after: { id: row!.id, ...input.update },
      requestId,
    });
    return row!;
  });
}
