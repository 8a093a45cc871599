import type { Executor } from "@keel/db";
import { queryRows } from "@keel/db";
import { documentTemplates, playbooks, projectTemplates } from "@keel/db/schema";
import {
  builtinPlaybookHistory,
  builtinPlaybooks,
  builtinProjectTemplates,
  builtinTemplates,
  type DocumentTemplate,
  type Playbook,
  type ProjectTemplate,
} from "@keel/domain";
import { sql } from "drizzle-orm";

/**
 * The handbook's playbooks (with the older versions kept, X-3), document templates (M-2) and
 * project templates (M-1), added where missing. Versions already there are never overwritten:
 * an admin's edit is a newer version and stays the one that runs.
 */
export async function ensureBuiltinPlaybooks(db: Executor, at = new Date()): Promise<number> {
  // One after the other: inside a transaction they share one connection anyway.
  const added = [
    await db
      .insert(playbooks)
      .values(
        [...builtinPlaybookHistory, ...builtinPlaybooks].map((p) => ({
          id: p.id,
          version: p.version,
          body: p,
          createdAt: at,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: playbooks.id }),
    await db
      .insert(documentTemplates)
      .values(builtinTemplates.map((t) => ({ id: t.id, version: t.version, body: t, createdAt: at })))
      .onConflictDoNothing()
      .returning({ id: documentTemplates.id }),
    await db
      .insert(projectTemplates)
      .values(builtinProjectTemplates.map((t) => ({ id: t.id, version: t.version, body: t, createdAt: at })))
      .onConflictDoNothing()
      .returning({ id: projectTemplates.id }),
  ];
  return added.reduce((n, rows) => n + rows.length, 0);
}

/** The newest version of each playbook: the ones that run. */
export async function loadCurrentPlaybooks(db: Executor): Promise<Playbook[]> {
  const rows = await queryRows<{ body: Playbook }>(
    db,
    sql`select distinct on (id) body from playbooks order by id, version desc`,
  );
  return rows.map((r) => r.body);
}

export async function loadCurrentDocumentTemplate(
  db: Executor,
  id: string,
): Promise<DocumentTemplate | null> {
  const [row] = await queryRows<{ body: DocumentTemplate }>(
    db,
    sql`select body from document_templates where id = ${id} order by version desc limit 1`,
  );
  return row?.body ?? null;
}

export async function loadCurrentProjectTemplate(db: Executor, id: string): Promise<ProjectTemplate | null> {
  const [row] = await queryRows<{ body: ProjectTemplate }>(
    db,
    sql`select body from project_templates where id = ${id} order by version desc limit 1`,
  );
  return row?.body ?? null;
}
