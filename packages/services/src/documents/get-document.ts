import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type DocumentDetail, getDocumentSummary, selectVersions } from "./document-view.ts";

const { documentVersions } = schema;

/** M-2: the document as it is now, with the list of its versions. */
export async function getDocument(
  { db }: ServiceContext,
  { documentId }: { documentId: string },
): Promise<DocumentDetail> {
  const summary = await getDocumentSummary(db, documentId);
  const versions = await selectVersions(db, eq(documentVersions.documentId, documentId));
  const current = versions.find((v) => v.version === summary.version) ?? versions[0];
  if (!current) throw new ServiceError("internal", `Document ${documentId} has no versions`);
  return {
    ...summary,
    sections: current.sections,
    editedAt: current.editedAt,
    editedBy: current.editedBy,
    versions: versions.map(({ version, editedAt, editedBy }) => ({ version, editedAt, editedBy })),
  };
}
