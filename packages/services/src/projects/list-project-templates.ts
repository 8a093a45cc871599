import { queryRows } from "@keel/db";
import type { ProjectTemplate } from "@keel/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

/** M-1: the newest version of each project template. */
export async function listProjectTemplates({ db }: ServiceContext): Promise<ProjectTemplate[]> {
  const rows = await queryRows<{ body: ProjectTemplate }>(
    db,
    sql`select distinct on (id) body from project_templates order by id, version desc`,
  );
  return rows.map((row) => row.body).sort((a, b) => a.name.localeCompare(b.name));
}
