import type { Contact, ContactRole } from "./contact.ts";

/** C-4: the roles every account should have someone in; their absence is a data-quality gap. */
export const keyContactRoles: readonly ContactRole[] = ["champion", "economic-buyer", "instance-admin"];

export interface ContactRoleCoverage {
  contacts: number;
  /** Contacts with at least one role (C-1); the rest are the account's tagging backlog. */
  tagged: number;
  /** C-4: key roles no contact of the account holds, in `keyContactRoles` order. */
  missingKeyRoles: ContactRole[];
}

/** How well an account's contacts are tagged (C-4's per-account view). */
export function contactRoleCoverage(contacts: readonly Pick<Contact, "roles">[]): ContactRoleCoverage {
  const held = new Set(contacts.flatMap((contact) => contact.roles));
  return {
    contacts: contacts.length,
    tagged: contacts.filter((contact) => contact.roles.length > 0).length,
    missingKeyRoles: keyContactRoles.filter((role) => !held.has(role)),
  };
}

/** C-4 "contacts with no email". */
export function contactsMissingEmail<T extends Pick<Contact, "email">>(contacts: readonly T[]): T[] {
  return contacts.filter((contact) => contact.email === null || contact.email.trim() === "");
}
