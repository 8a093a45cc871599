import { schema } from "@keel/db";
import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type DocumentVersionView, selectVersions } from "./document-view.ts";

const { documentVersions } = schema;

/** M-2: one kept version of a document. */
export async function getDocumentVersion(
  { db }: ServiceContext,
  { documentId, version }: { documentId: string; version: number },
): Promise<DocumentVersionView> {
  const [found] = await selectVersions(
    db,
    and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version))!,
  );
  if (!found) throw new ServiceError("not_found", `Document ${documentId} has no version ${version}`);
  return found;
}
