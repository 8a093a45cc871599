import { schema } from "@keel/db";
import { type HealthPolicy, type HealthPolicyDraft, healthPolicySchema } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { inForceVersion, type PolicyView, toPolicyView } from "./policy-view.ts";

export async function insertDraft(
  ctx: ServiceContext,
  draft: HealthPolicyDraft,
  audit: { action: string; importedFrom?: number },
): Promise<PolicyView> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "policy.editDraft");
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [next] = await tx
        .select({
          version: sql<number>`coalesce(max(${schema.healthPolicies.version}), 0) + 1`.mapWith(Number),
        })
        .from(schema.healthPolicies);
      const version = next!.version;
      const policy = toPolicy(draft, version, todayOf(now));
      const [row] = await tx
        .insert(schema.healthPolicies)
        .values({
          version,
          name: policy.name,
          source: policy.source,
          status: "draft",
          body: policy,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue; // someone took that number a moment ago
      await recordAudit(tx, {
        actorId: actor.id,
        action: audit.action,
        entity: "health_policy",
        entityId: String(version),
        after: audit.importedFrom === undefined ? policy : { importedFrom: audit.importedFrom, policy },
        requestId,
      });
      return toPolicyView(row, await inForceVersion(tx, todayOf(now)));
    }
    throw new ServiceError("conflict", "Could not number the new draft (busy); try again");
  });
}

export function toPolicy(draft: HealthPolicyDraft, version: number, effectiveFrom: string): HealthPolicy {
  const parsed = healthPolicySchema.safeParse({ ...draft, version, effectiveFrom });
  if (!parsed.success)
    throw new ServiceError("validation_failed", "The policy is not valid", parsed.error.issues);
  return parsed.data;
}
