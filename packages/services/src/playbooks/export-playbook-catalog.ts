import { queryRows } from "@keel/db";
import { type DocumentTemplate, exportPlaybooks, type Playbook, type ProjectTemplate } from "@keel/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

/** the newest version of every playbook and template, as one reviewable file. */
export async function exportPlaybookCatalog({ db }: ServiceContext) {
  const newest = async <T>(table: string) =>
    (
      await queryRows<{ body: T }>(
        db,
        sql`select distinct on (id) body from ${sql.raw(table)} order by id, version desc`,
      )
    ).map((r) => r.body);
  return exportPlaybooks({
    playbooks: await newest<Playbook>("playbooks"),
    documentTemplates: await newest<DocumentTemplate>("document_templates"),
    projectTemplates: await newest<ProjectTemplate>("project_templates"),
  });
}
