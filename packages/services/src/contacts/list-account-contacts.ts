import { schema } from "@keel/db";
import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { toContact } from "./contact-view.ts";

const { contacts } = schema;

export async function listAccountContacts({ db }: ServiceContext, { accountId }: { accountId: string }) {
  const rows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.accountId, accountId))
    .orderBy(asc(contacts.name));
  return rows.map(toContact);
}
