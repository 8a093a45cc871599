import { z } from "zod";

/** C-1: the multi-select role tags of a contact. */
export const contactRoleSchema = z.enum([
  "champion",
  "deal-contact",
  "instance-admin",
  "executive",
  "economic-buyer",
  "end-user",
  "program-contact",
]);
export type ContactRole = z.infer<typeof contactRoleSchema>;
export const contactRoleLabels: Record<ContactRole, string> = {
  champion: "Champion",
  "deal-contact": "Deal Contact",
  "instance-admin": "Instance Admin",
  executive: "Executive",
  "economic-buyer": "Economic Buyer",
  "end-user": "End User",
  "program-contact": "Program Contact",
};

export const contactSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(contactRoleSchema),
  instanceAdmin: z.boolean(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;

/**
 * C-2: "instance admin = Yes" must agree with the Instance Admin role.
 * Returns true when the pair is consistent.
 */
export function instanceAdminAgrees(contact: Pick<Contact, "roles" | "instanceAdmin">): boolean {
  return contact.instanceAdmin === contact.roles.includes("instance-admin");
}

/**
 * C-2: apply an edit and keep the pair consistent. The roles are the TA's/CE's explicit
 * choice, so an explicit `instanceAdmin` flag wins only when roles were not edited; with
 * neither, the roles decide.
 */
export function reconcileInstanceAdmin(
  current: Pick<Contact, "roles" | "instanceAdmin">,
  edit: { roles?: ContactRole[]; instanceAdmin?: boolean },
): { roles: ContactRole[]; instanceAdmin: boolean } {
  if (edit.roles) {
    const roles = [...new Set(edit.roles)];
    return { roles, instanceAdmin: roles.includes("instance-admin") };
  }
  if (edit.instanceAdmin !== undefined) {
    const without = current.roles.filter((r) => r !== "instance-admin");
    return {
      roles: edit.instanceAdmin ? [...without, "instance-admin"] : without,
      instanceAdmin: edit.instanceAdmin,
    };
  }
  // Any save of a contact that arrived inconsistent (an import) settles it on the roles.
  return { roles: [...current.roles], instanceAdmin: current.roles.includes("instance-admin") };
}

/** A contact in a cross-account list (tagging backlog, C-4). */
export const contactListItemSchema = contactSchema.extend({
  accountName: z.string(),
  /** C-2: false when "instance admin" disagrees with the roles (flag for review). */
  instanceAdminAgrees: z.boolean(),
});
export type ContactListItem = z.infer<typeof contactListItemSchema>;
