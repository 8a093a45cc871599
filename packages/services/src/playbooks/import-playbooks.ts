import { isDeepStrictEqual } from "node:util";
import { type Executor, queryRows } from "@keel/db";
import {
  type Actor,
  type DocumentTemplate,
  type Playbook,
  type ProjectTemplate,
  parsePlaybookExport,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type ImportSummary, withoutVersion } from "./playbook-versions.ts";

/** each imported item that differs from the newest stored version becomes the next version. */
export async function importPlaybooks(
  ctx: ServiceContext,
  { file }: { file: unknown },
): Promise<ImportSummary> {
  authorizeGlobal(ctx.actor, "playbook.manage");
  authorizeGlobal(ctx.actor, "template.manage");
  const parsed = parsePlaybookExport(file);
  if (!parsed.ok) {
    throw new ServiceError(
      // A file of the right shape whose parts do not fit together (a missing template) is 422.
      parsed.inconsistent ? "unprocessable" : "validation_failed",
      `The file was not imported: ${parsed.errors.length} error${parsed.errors.length === 1 ? "" : "s"}`,
      parsed.errors,
    );
  }
  return withTransaction(ctx, ({ db, actor, now, requestId }) =>
    importCatalog(db, { actor, file: parsed.value, now, requestId }),
  );
}

async function importCatalog(
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
