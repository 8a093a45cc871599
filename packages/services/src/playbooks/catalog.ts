import { isDeepStrictEqual } from "node:util";
import { type Executor, queryRows } from "@keel/db";
import {
  type Actor,
  type DocumentTemplate,
  type Playbook,
  type PlaybookInput,
  type ProjectTemplate,
  playbookSchema,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { ServiceError } from "#errors.ts";

export type PlaybookSummary = Playbook & { versions: number; updatedAt: string };
export type PlaybookVersionInfo = { version: number; createdAt: string; createdBy: string | null };

/** The newest version of every playbook, with how many versions it has. */
export async function listPlaybooks(db: Executor): Promise<PlaybookSummary[]> {
  const rows = await queryRows<{ body: Playbook; versions: number; updated_at: string }>(
    db,
    sql`select distinct on (id) body, count(*) over (partition by id)::int as versions,
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
      from playbooks order by id, version desc`,
  );
  return rows.map((r) => ({ ...r.body, versions: r.versions, updatedAt: r.updated_at }));
}

export async function getPlaybook(
  db: Executor,
  id: string,
  version?: number,
): Promise<{ playbook: Playbook; versions: PlaybookVersionInfo[] }> {
  const versions = await queryRows<PlaybookVersionInfo & { body: Playbook }>(
    db,
    sql`select p.version, p.body, u.name as "createdBy",
        to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
      from playbooks p left join "user" u on u.id = p.created_by
      where p.id = ${id} order by p.version desc`,
  );
  if (versions.length === 0) throw new ServiceError("not_found", `Playbook ${id} does not exist`);
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen) throw new ServiceError("not_found", `Playbook ${id} has no version ${version}`);
  return {
    playbook: chosen.body,
    versions: versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy })),
  };
}

/** The templates an action names must exist, or the playbook could never do what it says. */
async function checkReferences(db: Executor, playbook: Playbook) {
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

const withoutVersion = <T extends { version: number }>({ version: _, ...rest }: T) => rest;

/**
 * Saves an edit as the next version; the older versions stay, and what they fired keeps
 * pointing at them. Occurrence keys leave the version out, so the new version does not fire
 * again for an occurrence the old one handled.
 */
export async function savePlaybookVersion(
  db: Executor,
  {
    actor,
    id,
    input,
    now,
    requestId,
  }: { actor: Actor; id: string; input: Omit<PlaybookInput, "version" | "id">; now: Date; requestId: string },
): Promise<{ playbook: Playbook; created: boolean }> {
  const [latest] = await queryRows<{ version: number; body: Playbook }>(
    db,
    sql`select version, body from playbooks where id = ${id} order by version desc limit 1 for update`,
  );
  const parsed = playbookSchema.safeParse({ ...input, id, version: (latest?.version ?? 0) + 1 });
  if (!parsed.success) {
    throw new ServiceError(
      "validation_failed",
      "Invalid playbook",
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join(".") || "(root)",
        message: i.message,
      })),
    );
  }
  const playbook = parsed.data;
  const issues = await checkReferences(db, playbook);
  if (issues.length > 0) {
    throw new ServiceError("unprocessable", `The playbook names templates that do not exist`, issues);
  }
  if (latest && isDeepStrictEqual(withoutVersion(latest.body), withoutVersion(playbook))) {
    return { playbook: latest.body, created: false };
  }
  await db.execute(
    sql`insert into playbooks (id, version, body, created_by, created_at)
      values (${id}, ${playbook.version}, ${JSON.stringify(playbook)}::jsonb, ${actor.id}, ${now.toISOString()}::timestamptz)`,
  );
  await recordAudit(db, {
    actorId: actor.id,
    action: latest ? "playbook.version" : "playbook.create",
    entity: "playbook",
    entityId: id,
    before: latest ? { version: latest.version } : null,
    after: playbook,
    requestId,
  });
  return { playbook, created: true };
}

export type ImportSummary = Record<
  "playbooks" | "documentTemplates" | "projectTemplates",
  { added: string[]; unchanged: string[] }
>;

/** each imported item that differs from the newest stored version becomes the next version. */
export async function importCatalog(
  db: Executor,
  {
    actor,
    file,
    now,
    requestId,
  }: {
    actor: Actor;
    file: {
      playbooks: Playbook[];
      documentTemplates: DocumentTemplate[];
      projectTemplates: ProjectTemplate[];
    };
    now: Date;
    requestId: string;
  },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    playbooks: { added: [], unchanged: [] },
    documentTemplates: { added: [], unchanged: [] },
    projectTemplates: { added: [], unchanged: [] },
  };
  const tables = {
    playbooks: "playbooks",
    documentTemplates: "document_templates",
    projectTemplates: "project_templates",
  } as const;
  for (const kind of Object.keys(tables) as (keyof typeof tables)[]) {
    const table = sql.raw(tables[kind]);
    for (const item of file[kind]) {
      const [latest] = await queryRows<{ version: number; body: { version: number } }>(
        db,
        sql`select version, body from ${table} where id = ${item.id} order by version desc limit 1 for update`,
      );
      if (latest && isDeepStrictEqual(withoutVersion(latest.body), withoutVersion(item))) {
        summary[kind].unchanged.push(item.id);
        continue;
      }
      const version = (latest?.version ?? 0) + 1;
      await db.execute(
        sql`insert into ${table} (id, version, body, created_by, created_at)
          values (${item.id}, ${version}, ${JSON.stringify({ ...item, version })}::jsonb, ${actor.id},
            ${now.toISOString()}::timestamptz)`,
      );
      summary[kind].added.push(`${item.id}@${version}`);
    }
  }
  await recordAudit(db, {
    actorId: actor.id,
    action: "playbooks.import",
    entity: "playbook_catalog",
    entityId: requestId,
    after: summary,
    requestId,
  });
  return summary;
}

/** the newest version of every playbook and template, as one reviewable file. */
export async function exportCatalog(db: Executor) {
  const newest = async <T>(table: string) =>
    (
      await queryRows<{ body: T }>(
        db,
        sql`select distinct on (id) body from ${sql.raw(table)} order by id, version desc`,
      )
    ).map((r) => r.body);
  return {
    playbooks: await newest<Playbook>("playbooks"),
    documentTemplates: await newest<DocumentTemplate>("document_templates"),
    projectTemplates: await newest<ProjectTemplate>("project_templates"),
  };
}
