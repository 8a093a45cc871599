import { schema } from "@keel/db";
import type { UserRole } from "@keel/domain";
import { asc, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

/** People for pickers and filters (e.g. "TA" in the book of business). */
export async function listUsers({ db }: ServiceContext, { role }: { role?: UserRole }) {
  return db
    .select({
      id: schema.user.id,
      name: schema.user.name,
      email: schema.user.email,
      roles: schema.user.roles,
    })
    .from(schema.user)
    .where(role ? sql`${role} = any(${schema.user.roles})` : undefined)
    .orderBy(asc(schema.user.name));
}
