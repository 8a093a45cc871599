import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import { type ServiceContext, todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { inForceVersion, toPolicyView } from "./policy-view.ts";

export async function getPolicy({ db, now }: ServiceContext, { version }: { version: number }) {
  const today = todayOf(now);
  const [row] = await db
    .select()
    .from(schema.healthPolicies)
    .where(eq(schema.healthPolicies.version, version));
  if (!row) throw new ServiceError("not_found", `Health policy version ${version} does not exist`);
  return toPolicyView(row, await inForceVersion(db, today));
}
