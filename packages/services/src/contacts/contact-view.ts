import { schema } from "@keel/db";
import type { Contact } from "@keel/domain";

const { contacts } = schema;

export type ListContactsInput = {
  /** C-4: contacts with no role tagged. */
  missingRoles?: boolean;
  /** Only contacts of accounts where this user is the TA. */
  taUserId?: string;
  accountId?: string;
  search?: string;
  page: number;
  pageSize: number;
};

export function toContact(row: typeof contacts.$inferSelect): Contact {
  const { createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
}
