import { schema } from "@keel/db";
import type { HealthPolicyDraft } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { toPolicy } from "./policy-draft.ts";
import { inForceVersion, type PolicyView, toPolicyView } from "./policy-view.ts";

/** edit a draft (If-Match on its revision). Published versions never change. */
export async function updatePolicyDraft(
  ctx: ServiceContext,
  {
    version,
    expectedRevision,
    draft,
  }: { version: number; expectedRevision: number; draft: HealthPolicyDraft },
): Promise<PolicyView> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "policy.editDraft");
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const { healthPolicies: policies } = schema;
    const [current] = await tx.select().from(policies).where(eq(policies.version, version)).for("update");
    if (!current) throw new ServiceError("not_found", `Health policy version ${version} does not exist`);
    if (current.status !== "draft") {
      throw new ServiceError(
        "conflict",
        `Version ${version} is published and cannot change; create a new draft`,
      );
    }
    if (current.revision !== expectedRevision) {
      throw new ServiceError(
        "precondition_failed",
        `The draft was changed by someone else (you edited revision ${expectedRevision}, it is now ${current.revision}); reload and try again`,
        { currentRevision: current.revision },
      );
    }
    const policy = toPolicy(draft, version, current.body.effectiveFrom);
    const [row] = await tx
      .update(policies)
      .set({
        name: policy.name,
        source: policy.source,
        body: policy,
        revision: sql`${policies.revision} + 1`,
        updatedAt: now,
      })
      .where(and(eq(policies.version, version), eq(policies.revision, expectedRevision)))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "policy.updateDraft",
      entity: "health_policy",
      entityId: String(version),
      before: current.body,
      after: policy,
      requestId,
    });
    return toPolicyView(row!, await inForceVersion(tx, todayOf(now)));
  });
}
