import type { Database } from "@keel/db";
import type { Actor } from "@keel/domain";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, authorizeDocumentEdit } from "#authorization/authorize.ts";
import { loadCurrentDocumentTemplate } from "#automation/catalog.ts";
import { createDocumentFromTemplate, loadTemplateContext } from "#automation/work.ts";
import { todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type DocumentDetail, getDocument } from "./document-view.ts";

/**
 * M-2: a document a person starts from the newest version of a template, its variables filled
 * from the account. The creator owns it.
 */
export async function createAccountDocument({
  db,
  actor,
  input,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  input: { accountId: string; templateId: string };
  now: Date;
  requestId: string;
}): Promise<DocumentDetail> {
  return db.transaction(async (tx) => {
    // 404 for an unknown account before anything about the template.
    await authorizeAccount(tx, actor, "account.read", input.accountId);
    await authorizeDocumentEdit(tx, actor, {
      accountId: input.accountId,
      templateId: input.templateId,
      ownerId: null,
    });
    const template = await loadCurrentDocumentTemplate(tx, input.templateId);
    if (!template) {
      const message = `unknown document template ${input.templateId}`;
      throw new ServiceError("unprocessable", `The document cannot be created: ${message}`, [
        { path: "templateId", message },
      ]);
    }
    const { id } = await createDocumentFromTemplate(tx, {
      accountId: input.accountId,
      template,
      ownerId: actor.id,
      context: await loadTemplateContext(tx, input.accountId, todayOf(now)),
      origin: { source: "person", createdBy: actor.id },
      at: now,
    });
    const doc = await getDocument({ db: tx, documentId: id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "document.create",
      entity: "document",
      entityId: id,
      after: doc,
      requestId,
    });
    return doc;
  });
}
