import { queryRows } from "@keel/db";
import type { RenewalPlanInput } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { getRenewal, type RenewalDetail } from "./get-renewal.ts";
import { bumpRenewalVersion, lockRenewal } from "./lock-renewal.ts";

/** the AE's renewal plan — the projected outcome and the ARR expected. */
export async function planRenewal(
  ctx: ServiceContext,
  input: { renewalId: string; expectedVersion: number; plan: RenewalPlanInput },
): Promise<RenewalDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const renewal = await lockRenewal(db, input.renewalId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.editRenewalPlan", renewal.accountId);
    const [before] = await queryRows<Record<string, unknown>>(
      db,
      sql`select projected_outcome, expected_arr_cents::text, note from renewal_plans where renewal_id = ${renewal.id}::uuid`,
    );
    const { projectedOutcome, expectedArrCents, note } = input.plan;
    await db.execute(sql`
      insert into renewal_plans (renewal_id, projected_outcome, expected_arr_cents, note, updated_by, updated_at)
      values (${renewal.id}::uuid, ${projectedOutcome}, ${expectedArrCents}, ${note ?? null}, ${actor.id}, ${now.toISOString()}::timestamptz)
      on conflict (renewal_id) do update set projected_outcome = excluded.projected_outcome,
        expected_arr_cents = excluded.expected_arr_cents, note = excluded.note,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = renewal_plans.version + 1`);
    await db.execute(
      sql`update renewals set planned_at = ${now.toISOString()}::timestamptz where id = ${renewal.id}::uuid`,
    );
    await bumpRenewalVersion(db, renewal.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "renewal.planned",
      entity: "renewal",
      entityId: renewal.id,
      before: before ?? null,
      after: input.plan,
      requestId,
    });
    return getRenewal(txc, { renewalId: renewal.id });
  });
}
