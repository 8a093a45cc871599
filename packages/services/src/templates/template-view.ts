import { type Executor, isoUtc, queryRows } from "@keel/db";
import type { DocumentTemplate } from "@keel/domain";
import { sql } from "drizzle-orm";
import { type PersonRef, personRef } from "#tasks/task-view.ts";

export type TemplateSummary = {
  id: string;
  name: string;
  version: number;
  source: string;
  sectionCount: number;
  createdAt: string;
};

export type TemplateVersionView = DocumentTemplate & { createdAt: string; createdBy: PersonRef | null };

export type TemplateDetail = TemplateVersionView & {
  /** Every version, newest first (documents keep the version they came from). */
  versions: Array<{ version: number; createdAt: string; createdBy: PersonRef | null }>;
};

export type VersionRow = {
  body: DocumentTemplate;
  version: number;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
};

export const versionColumns = sql`t.body, t.version, ${isoUtc(sql`t.created_at`)} as created_at,
  t.created_by, u.name as created_by_name`;

export const toVersionView = (row: VersionRow): TemplateVersionView => ({
  ...row.body,
  // The row's number is the truth; the body repeats it.
  version: row.version,
  createdAt: row.created_at,
  createdBy: personRef(row.created_by, row.created_by_name),
});

export async function selectVersions(db: Executor, templateId: string, version?: number) {
  const rows = await queryRows<VersionRow>(
    db,
    sql`select ${versionColumns}
      from document_templates t left join "user" u on u.id = t.created_by
      where t.id = ${templateId} ${version === undefined ? sql`` : sql`and t.version = ${version}`}
      order by t.version desc`,
  );
  return rows.map(toVersionView);
}
