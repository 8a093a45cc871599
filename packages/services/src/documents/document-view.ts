import { type Executor, schema } from "@keel/db";
import { asc, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { ServiceError } from "#errors.ts";
import { type PersonRef, personRef, type WorkOriginView } from "#tasks/task-view.ts";

const { accounts, documents, documentVersions, playbookFirings, user } = schema;
export const owner = alias(user, "owner");
export const creator = alias(user, "creator");
export const editor = alias(user, "editor");

export type DocumentSection = { id: string; heading: string; body: string; prompt?: string };

export type DocumentSummary = {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  templateId: string;
  templateVersion: number;
  owner: PersonRef | null;
  /** The newest version's number: send it as If-Match when saving. */
  version: number;
  origin: WorkOriginView;
  createdAt: string;
  updatedAt: string;
};

export type DocumentVersionView = {
  documentId: string;
  version: number;
  title: string;
  sections: DocumentSection[];
  editedAt: string;
  editedBy: PersonRef | null;
};

export type DocumentDetail = DocumentSummary & {
  sections: DocumentSection[];
  editedAt: string;
  editedBy: PersonRef | null;
  /** Every version, newest first (M-2: all are kept). */
  versions: Array<{ version: number; editedAt: string; editedBy: PersonRef | null }>;
};

export async function selectSummaries(db: Executor, where: SQL): Promise<DocumentSummary[]> {
  const rows = await db
    .select({
      doc: documents,
      accountName: accounts.name,
      ownerName: owner.name,
      createdByName: creator.name,
      playbookId: playbookFirings.playbookId,
      playbookVersion: playbookFirings.playbookVersion,
    })
    .from(documents)
    .innerJoin(accounts, eq(accounts.id, documents.accountId))
    .leftJoin(owner, eq(owner.id, documents.ownerId))
    .leftJoin(creator, eq(creator.id, documents.createdBy))
    .leftJoin(playbookFirings, eq(playbookFirings.occurrenceKey, documents.firingKey))
    .where(where)
    .orderBy(desc(documents.updatedAt), asc(documents.title), asc(documents.id));
  return rows.map(({ doc, ...row }) => ({
    id: doc.id,
    accountId: doc.accountId,
    accountName: row.accountName,
    title: doc.title,
    templateId: doc.templateId,
    templateVersion: doc.templateVersion,
    owner: personRef(doc.ownerId, row.ownerName),
    version: doc.version,
    // A person's document has a creator; a playbook's has the firing.
    origin:
      doc.createdBy === null
        ? {
            kind: "playbook",
            playbookId: row.playbookId,
            playbookVersion: row.playbookVersion,
            ruleId: doc.ruleId,
            reason: doc.reason,
          }
        : { kind: "person", createdBy: personRef(doc.createdBy, row.createdByName) },
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }));
}

export async function getDocumentSummary(db: Executor, documentId: string): Promise<DocumentSummary> {
  const [summary] = await selectSummaries(db, eq(documents.id, documentId));
  if (!summary) throw new ServiceError("not_found", `Document ${documentId} does not exist`);
  return summary;
}

export async function selectVersions(db: Executor, where: SQL) {
  const rows = await db
    .select({ version: documentVersions, editorName: editor.name })
    .from(documentVersions)
    .leftJoin(editor, eq(editor.id, documentVersions.editedBy))
    .where(where)
    .orderBy(desc(documentVersions.version));
  return rows.map(
    ({ version: v, editorName }): DocumentVersionView => ({
      documentId: v.documentId,
      version: v.version,
      title: v.title,
      sections: v.sections,
      editedAt: v.editedAt.toISOString(),
      editedBy: personRef(v.editedBy, editorName),
    }),
  );
}
