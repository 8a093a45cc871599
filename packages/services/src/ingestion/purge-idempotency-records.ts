import { schema } from "@keel/db";
import { lt } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";

/** Idempotency-Key answers are kept this long (a feed retries within hours, not weeks). */
const IDEMPOTENCY_RETENTION_MS = 7 * 86_400_000;

/** Forgets the Idempotency-Key answers older than the retention (run once a day by the scheduler). */
export async function purgeIdempotencyRecords({ db, now }: ServiceContext): Promise<void> {
  await db
    .delete(schema.idempotencyRecords)
    .where(lt(schema.idempotencyRecords.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)));
}
