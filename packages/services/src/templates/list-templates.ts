import { type Executor, isoUtc, queryRows } from "@keel/db";
import type { DocumentTemplate } from "@keel/domain";
import { sql } from "drizzle-orm";
import { ServiceError } from "#errors.ts";
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

type VersionRow = {
  body: DocumentTemplate;
  version: number;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
};

const versionColumns = sql`t.body, t.version, ${isoUtc(sql`t.created_at`)} as created_at,
  t.created_by, u.name as created_by_name`;

const toVersionView = (row: VersionRow): TemplateVersionView => ({
  ...row.body,
  // The row's number is the truth; the body repeats it.
  version: row.version,
  createdAt: row.created_at,
  createdBy: personRef(row.created_by, row.created_by_name),
});

/** M-2: the newest version of each document template, by name. */
export async function listTemplates({ db }: { db: Executor }): Promise<TemplateSummary[]> {
  const rows = await queryRows<VersionRow>(
    db,
    sql`select distinct on (t.id) ${versionColumns}
      from document_templates t left join "user" u on u.id = t.created_by
      order by t.id, t.version desc`,
  );
  return rows
    .map(toVersionView)
    .map((t) => ({
      id: t.id,
      name: t.name,
      version: t.version,
      source: t.source,
      sectionCount: t.sections.length,
      createdAt: t.createdAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function selectVersions(db: Executor, templateId: string, version?: number) {
  const rows = await queryRows<VersionRow>(
    db,
    sql`select ${versionColumns}
      from document_templates t left join "user" u on u.id = t.created_by
      where t.id = ${templateId} ${version === undefined ? sql`` : sql`and t.version = ${version}`}
      order by t.version desc`,
  );
  return rows.map(toVersionView);
}

/** M-2: a template's newest version, with the list of all its versions. */
export async function getTemplate({
  db,
  templateId,
}: {
  db: Executor;
  templateId: string;
}): Promise<TemplateDetail> {
  const versions = await selectVersions(db, templateId);
  const [newest] = versions;
  if (!newest) throw new ServiceError("not_found", `Template ${templateId} does not exist`);
  return {
    ...newest,
    versions: versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy })),
  };
}

export async function getTemplateVersion({
  db,
  templateId,
  version,
}: {
  db: Executor;
  templateId: string;
  version: number;
}): Promise<TemplateVersionView> {
  const [found] = await selectVersions(db, templateId, version);
  if (!found) throw new ServiceError("not_found", `Template ${templateId} has no version ${version}`);
  return found;
}
