import { type Database, schema } from "@keel/db";
import {
  type Actor,
  type HealthPolicy,
  type HealthPolicyDocument,
  type HealthPolicyDraft,
  healthPolicySchema,
} from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { inForceVersion, type PolicyView, toPolicyView } from "./list-policies.ts";

type Context = { db: Database; actor: Actor; now: Date; requestId: string };

/**
 * a new draft, numbered after the newest version. Its effective date is a placeholder
 * until it is published (then it is the publishing day).
 */
export async function createDraft(
  { db, actor, now, requestId }: Context,
  draft: HealthPolicyDraft,
  audit: { action: string; importedFrom?: number } = { action: "policy.createDraft" },
): Promise<PolicyView> {
  authorizeGlobal(actor, "policy.editDraft");
  return db.transaction(async (tx) => {
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

/** edit a draft (If-Match on its revision). Published versions never change. */
export async function updateDraft(
  { db, actor, now, requestId }: Context,
  {
    version,
    expectedRevision,
    draft,
  }: { version: number; expectedRevision: number; draft: HealthPolicyDraft },
): Promise<PolicyView> {
  authorizeGlobal(actor, "policy.editDraft");
  return db.transaction(async (tx) => {
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

/** a policy document becomes a new draft (its own version number; the source's is recorded). */
export function importPolicy(context: Context, document: HealthPolicyDocument) {
  const { version: importedFrom, effectiveFrom: _effectiveFrom, ...draft } = document.policy;
  return createDraft(context, draft, { action: "policy.import", importedFrom });
}

/** the versioned JSON document of one policy version. */
export function exportPolicy(view: PolicyView): HealthPolicyDocument {
  return { kind: "keel.health-policy", schemaVersion: 1, policy: view.policy };
}

function toPolicy(draft: HealthPolicyDraft, version: number, effectiveFrom: string): HealthPolicy {
  const parsed = healthPolicySchema.safeParse({ ...draft, version, effectiveFrom });
  if (!parsed.success)
    throw new ServiceError("validation_failed", "The policy is not valid", parsed.error.issues);
  return parsed.data;
}
