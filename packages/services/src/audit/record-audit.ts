import type { Executor } from "@keel/db";
import { schema } from "@keel/db";

/** SPEC §1: every write lands in the append-only audit log, in the write's own transaction. */
export async function recordAudit(
  db: Executor,
  entry: {
    actorId: string | null;
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    requestId?: string;
  },
) {
  await db.insert(schema.auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
