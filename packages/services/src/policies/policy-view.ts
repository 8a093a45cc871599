import { type Executor, loadPolicyInForce, type schema } from "@keel/db";
import type { HealthPolicy } from "@keel/domain";

export type PolicyView = {
  version: number;
  name: string;
  source: string;
  status: "draft" | "published";
  /** Null for drafts: a draft takes effect when published. */
  effectiveFrom: string | null;
  /** The policy scoring accounts today. */
  inForce: boolean;
  /** Edit revision of a draft: send as If-Match. */
  revision: number;
  createdBy: string | null;
  createdAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
  policy: HealthPolicy;
};

export type PolicyRow = typeof schema.healthPolicies.$inferSelect;

export function toPolicyView(row: PolicyRow, inForceVersion: number | null): PolicyView {
  return {
    version: row.version,
    name: row.name,
    source: row.source,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    inForce: row.version === inForceVersion,
    revision: row.revision,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    policy: row.body,
  };
}

export async function inForceVersion(db: Executor, today: string): Promise<number | null> {
  return (await loadPolicyInForce(db, today).catch(() => null))?.version ?? null;
}
