import { schema } from "@keel/db";
import { type ContactListItem, instanceAdminAgrees } from "@keel/domain";
import { and, asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { escapeLike } from "#like.ts";
import { type ListContactsInput, toContact } from "./contact-view.ts";

const { accountTeam } = schema;

const { accounts, contacts } = schema;

/** Contacts across accounts, ordered by account then name (the tagging backlog groups by account). */
export async function listContacts({ db }: ServiceContext, input: ListContactsInput) {
  const filters: SQL[] = [];
  if (input.missingRoles) filters.push(sql`cardinality(${contacts.roles}) = 0`);
  if (input.accountId) filters.push(eq(contacts.accountId, input.accountId));
  if (input.search) filters.push(ilike(contacts.name, `%${escapeLike(input.search)}%`));
  if (input.taUserId) {
    filters.push(
      sql`exists (select 1 from ${accountTeam} where ${accountTeam.accountId} = ${contacts.accountId} and ${accountTeam.role} = 'ta' and ${accountTeam.userId} = ${input.taUserId})`,
    );
  }
  const rows = await db
    .select({
      contact: contacts,
      accountName: accounts.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(and(...filters))
    .orderBy(asc(accounts.name), asc(contacts.name), asc(contacts.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const items: ContactListItem[] = rows.map((row) => {
    const contact = toContact(row.contact);
    return { ...contact, accountName: row.accountName, instanceAdminAgrees: instanceAdminAgrees(contact) };
  });
  return { items, total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
