import { isDeepStrictEqual } from "node:util";
import { type Executor, queryRows } from "@keel/db";
import { type Actor, type Playbook, type PlaybookInput, playbookSchema } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { checkReferences, withoutVersion } from "./playbook-versions.ts";

/**
 * Saves an edit as the next version; the older versions stay, and what they fired keeps
 * pointing at them. Occurrence keys leave the version out, so the new version does not fire
 * again for an occurrence the old one handled.
 */
export async function savePlaybook(
  ctx: ServiceContext,
  { id, input }: { id: string; input: Omit<PlaybookInput, "version" | "id"> },
): Promise<{ playbook: Playbook; created: boolean }> {
  authorizeGlobal(ctx.actor, "playbook.manage");
  return withTransaction(ctx, ({ db, actor, now, requestId }) =>
    savePlaybookVersion(db, { actor, id, input, now, requestId }),
  );
}

async function savePlaybookVersion(
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
