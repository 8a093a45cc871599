import { schema } from "@keel/db";
import { healthPolicySchema } from "@keel/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import type { ServiceContext } from "#context.ts";
import { todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { HEALTH_SWEEP_JOB, recomputeAllHealth, type SweepResult } from "#health/recompute-all-health.ts";
import { requestRun } from "#jobs/lease.ts";
import { type PolicyView, toPolicyView } from "./policy-view.ts";

export type PublishResult = {
  policy: PolicyView;
  /**
   * "done": every account rescored in this request; "queued": a sweep was running elsewhere (or
   * this one failed) and the next run applies the policy.
   */
  recompute: Extract<SweepResult, { status: "done" }> | { status: "queued" };
};

/**
 * a draft becomes the policy in force, effective today, and the whole book is rescored
 * under it right away (in this request, after the publish commits). If another instance is
 * sweeping, the sweep is asked to run again instead.
 */
export async function publishPolicy(
  ctx: ServiceContext,
  input: {
    version: number;
    /** Read as the rescoring sweep goes; default: the context's `now`. */
    clock?: () => Date;
  },
): Promise<PublishResult> {
  const { db, actor, requestId } = ctx;
  const { version } = input;
  const now = input.clock ?? (() => ctx.now);
  authorizeGlobal(actor, "policy.publish");
  const at = now();
  const today = todayOf(at);
  const published = await db.transaction(async (tx) => {
    const { healthPolicies: policies } = schema;
    const [draft] = await tx.select().from(policies).where(eq(policies.version, version)).for("update");
    if (!draft) throw new ServiceError("not_found", `Health policy version ${version} does not exist`);
    if (draft.status === "published")
      throw new ServiceError("conflict", `Version ${version} is already published`);
    const policy = healthPolicySchema.parse({ ...draft.body, version, effectiveFrom: today });
    const [row] = await tx
      .update(policies)
      .set({
        status: "published",
        effectiveFrom: today,
        body: policy,
        publishedAt: at,
        publishedBy: actor.id,
        updatedAt: at,
      })
      .where(eq(policies.version, version))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "policy.publish",
      entity: "health_policy",
      entityId: String(version),
      before: { status: "draft" },
      after: { status: "published", effectiveFrom: today },
      requestId,
    });
    return row!;
  });
  const cause = `policy v${version} published`;
  let sweep: SweepResult;
  try {
    sweep = await recomputeAllHealth(ctx, { cause, clock: now });
  } catch {
    // The policy is published either way; the scheduler's next tick retries the rescoring.
    sweep = { status: "already-running" };
  }
  if (sweep.status === "already-running") await requestRun(db, { name: HEALTH_SWEEP_JOB, cause, now: now() });
  return {
    policy: toPolicyView(published, version),
    recompute: sweep.status === "done" ? sweep : { status: "queued" },
  };
}
