import { queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { type TemplateSummary, toVersionView, type VersionRow, versionColumns } from "./template-view.ts";

/** M-2: the newest version of each document template, by name. */
export async function listTemplates({ db }: ServiceContext): Promise<TemplateSummary[]> {
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
