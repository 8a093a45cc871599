import { schema } from "@keel/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeDocumentEdit } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import type { DocumentDetail, DocumentSection } from "./document-view.ts";
import { getDocument } from "./get-document.ts";

const { documents, documentVersions } = schema;

/** M-2: saving a document adds a version; every earlier version stays readable. */
export async function saveDocument(
  ctx: ServiceContext,
  input: { documentId: string; expectedVersion: number; title: string; sections: DocumentSection[] },
): Promise<DocumentDetail> {
  const { actor, now, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const [current] = await tx
      .select()
      .from(documents)
      .where(eq(documents.id, input.documentId))
      .for("update");
    if (!current) throw new ServiceError("not_found", `Document ${input.documentId} does not exist`);
    await authorizeDocumentEdit(tx, actor, current);
    if (current.version !== input.expectedVersion) {
      throw new ServiceError(
        "precondition_failed",
        `Document was changed by someone else (you edited version ${input.expectedVersion}, it is now ${current.version}); reload and try again`,
        { currentVersion: current.version },
      );
    }
    const version = current.version + 1;
    await tx.insert(documentVersions).values({
      documentId: current.id,
      version,
      title: input.title,
      sections: input.sections,
      editedBy: actor.id,
      editedAt: now,
    });
    await tx
      .update(documents)
      .set({ title: input.title, version: sql`${documents.version} + 1`, updatedAt: now })
      .where(and(eq(documents.id, current.id), eq(documents.version, input.expectedVersion)));
    const doc = await getDocument(txc, { documentId: current.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "document.save",
      entity: "document",
      entityId: current.id,
      before: { version: current.version, title: current.title },
      after: { version, title: input.title, sections: input.sections },
      requestId,
    });
    return doc;
  });
}
