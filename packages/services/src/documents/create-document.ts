import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, authorizeDocumentEdit } from "#authorization/authorize.ts";
import { loadCurrentDocumentTemplate } from "#automation/catalog.ts";
import { insertDocumentFromTemplate, loadTemplateContext } from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import type { DocumentDetail } from "./document-view.ts";
import { getDocument } from "./get-document.ts";

/**
 * M-2: a document a person starts from the newest version of a template, its variables filled
 * from the account. The creator owns it.
 */
export async function createDocument(
  ctx: ServiceContext,
  input: { accountId: string; templateId: string },
): Promise<DocumentDetail> {
  const { actor, now, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
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
    const { id } = await insertDocumentFromTemplate(tx, {
      accountId: input.accountId,
      template,
      ownerId: actor.id,
      context: await loadTemplateContext(tx, input.accountId, todayOf(now)),
      origin: { source: "person", createdBy: actor.id },
      at: now,
    });
    const doc = await getDocument(txc, { documentId: id });
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
