import { queryRows } from "@keel/db";
import type { RenewalAssessmentInput } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { getRenewal, type RenewalDetail } from "./get-renewal.ts";
import { bumpRenewalVersion, lockRenewal } from "./lock-renewal.ts";

/**
 * R-2: the TA (with the AE) rates the renewal green, yellow or red with a summary, resting on the
 * Health Assessment document. A changed rating needs both approvals again.
 */
export async function assessRenewal(
  ctx: ServiceContext,
  input: { renewalId: string; expectedVersion: number; assessment: RenewalAssessmentInput },
): Promise<RenewalDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const renewal = await lockRenewal(db, input.renewalId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.assessRenewal", renewal.accountId);
    const [before] = await queryRows<{ rating: string; summary: string }>(
      db,
      sql`select rating, summary from renewal_assessments where renewal_id = ${renewal.id}::uuid`,
    );
    const [doc] = await queryRows<{ id: string }>(
      db,
      sql`select id::text from documents where account_id = ${renewal.accountId}::uuid and template_id = 'health-assessment'
        order by created_at desc limit 1`,
    );
    const { rating, summary } = input.assessment;
    await db.execute(sql`
      insert into renewal_assessments (renewal_id, rating, summary, document_id, assessed_by, assessed_at)
      values (${renewal.id}::uuid, ${rating}, ${summary}, ${doc?.id ?? null}::uuid, ${actor.id}, ${now.toISOString()}::timestamptz)
      on conflict (renewal_id) do update set rating = excluded.rating, summary = excluded.summary,
        document_id = coalesce(excluded.document_id, renewal_assessments.document_id),
        assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at,
        version = renewal_assessments.version + 1`);
    const reviewAgain = before !== undefined && before.rating !== rating;
    if (reviewAgain) {
      // The managers approved another rating: this one needs its own review (R-2).
      await db.execute(sql`delete from renewal_assessment_approvals where renewal_id = ${renewal.id}::uuid`);
    }
    // R-1's milestones on the renewal (the pipeline reads its phase there).
    await db.execute(sql`update renewals set rating = ${rating}
        ${reviewAgain ? sql`, approved_at = null` : sql``}
      where id = ${renewal.id}::uuid`);
    await bumpRenewalVersion(db, renewal.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "renewal.assessed",
      entity: "renewal",
      entityId: renewal.id,
      before: before ?? null,
      after: { rating, summary },
      requestId,
    });
    return getRenewal(txc, { renewalId: renewal.id });
  });
}
