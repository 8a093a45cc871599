import { type Executor, loadPolicyInForce, schema } from "@keel/db";
import type { HealthPolicy } from "@keel/domain";
import { asc, eq } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

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

type PolicyRow = typeof schema.healthPolicies.$inferSelect;

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

/** H-1 / X-3: every policy version, drafts included, oldest first. */
export async function listPolicies({ db, today }: { db: Executor; today: string }) {
  const rows = await db.select().from(schema.healthPolicies).orderBy(asc(schema.healthPolicies.version));
  const current = await inForceVersion(db, today);
  return { items: rows.map((row) => toPolicyView(row, current)), inForceVersion: current };
}

export async function getPolicy({ db, version, today }: { db: Executor; version: number; today: string }) {
  const [row] = await db
    .select()
    .from(schema.healthPolicies)
    .where(eq(schema.healthPolicies.version, version));
  if (!row) throw new ServiceError("not_found", `Health policy version ${version} does not exist`);
  return toPolicyView(row, await inForceVersion(db, today));
}
