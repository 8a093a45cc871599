import { type Executor, queryRows } from "@keel/db";
import type { Playbook } from "@keel/domain";
import { sql } from "drizzle-orm";

export type PlaybookSummary = Playbook & { versions: number; updatedAt: string };
export type PlaybookVersionInfo = { version: number; createdAt: string; createdBy: string | null };

/** The templates an action names must exist, or the playbook could never do what it says. */
export async function checkReferences(db: Executor, playbook: Playbook) {
  const ids = async (table: string) =>
    new Set(
      (await queryRows<{ id: string }>(db, sql`select distinct id from ${sql.raw(table)}`)).map((r) => r.id),
    );
  const docs = await ids("document_templates");
  const projects = await ids("project_templates");
  const issues: { path: string; message: string }[] = [];
  playbook.actions.forEach((action, i) => {
    if (action.type === "createDocument" && !docs.has(action.templateId))
      issues.push({ path: `actions.${i}.templateId`, message: `no document template ${action.templateId}` });
    if (action.type === "createProject" && !projects.has(action.templateId))
      issues.push({ path: `actions.${i}.templateId`, message: `no project template ${action.templateId}` });
  });
  return issues;
}

export const withoutVersion = <T extends { version: number }>({ version: _, ...rest }: T) => rest;

export type ImportSummary = Record<
  "playbooks" | "documentTemplates" | "projectTemplates",
  { added: string[]; unchanged: string[] }
>;
