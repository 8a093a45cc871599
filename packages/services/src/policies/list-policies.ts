import { schema } from "@keel/db";
import { asc } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { inForceVersion, toPolicyView } from "./policy-view.ts";

/** H-1 / X-3: every policy version, drafts included, oldest first. */
export async function listPolicies({ db, now }: ServiceContext) {
  const today = todayOf(now);
  const rows = await db.select().from(schema.healthPolicies).orderBy(asc(schema.healthPolicies.version));
  const current = await inForceVersion(db, today);
  return { items: rows.map((row) => toPolicyView(row, current)), inForceVersion: current };
}
