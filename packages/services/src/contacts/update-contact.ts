import { schema } from "@keel/db";
import { type Contact, type ContactRole, reconcileInstanceAdmin } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { toContact } from "./contact-view.ts";

export type UpdateContactInput = {
  contactId: string;
  /** The version the editor saw (If-Match). */
  expectedVersion: number;
  name?: string;
  title?: string | null;
  email?: string | null;
  roles?: ContactRole[];
  instanceAdmin?: boolean;
};

/** Tag a contact's roles / edit its card (C-1), keeping instance admin consistent (C-2). */
export async function updateContact(ctx: ServiceContext, input: UpdateContactInput): Promise<Contact> {
  const { actor, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const [current] = await tx
      .select()
      .from(schema.contacts)
      .where(eq(schema.contacts.id, input.contactId))
      .for("update");
    if (!current) throw new ServiceError("not_found", `Contact ${input.contactId} does not exist`);
    await authorizeAccount(tx, actor, "account.tagContacts", current.accountId);
    if (current.version !== input.expectedVersion) {
      throw new ServiceError(
        "precondition_failed",
        `Contact was changed by someone else (you edited version ${input.expectedVersion}, it is now ${current.version}); reload and try again`,
        { currentVersion: current.version },
      );
    }
    const consistent = reconcileInstanceAdmin(current, {
      roles: input.roles,
      instanceAdmin: input.instanceAdmin,
    });
    const [updated] = await tx
      .update(schema.contacts)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.email !== undefined && { email: input.email }),
        roles: consistent.roles,
        instanceAdmin: consistent.instanceAdmin,
        version: sql`${schema.contacts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(schema.contacts.id, input.contactId), eq(schema.contacts.version, input.expectedVersion)))
      .returning();
    const after = toContact(updated!);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contact.update",
      entity: "contact",
      entityId: input.contactId,
      before: toContact(current),
      after,
      requestId,
    });
    return after;
  });
}
