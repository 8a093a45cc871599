import { type Executor, schema } from "@keel/db";
import type { IngestFeed, IngestRecordError } from "@keel/domain";
import { and, eq } from "drizzle-orm";
import type { ApiKeyPrincipal } from "#api-keys/authenticate-api-key.ts";
import { recordAudit } from "#audit/record-audit.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { type ServiceErrorCode as ErrorCode, ServiceError } from "#errors.ts";
import { upsertActivities, upsertTickets, upsertUsage } from "./apply.ts";
import { type IngestRecords, recordsOf, validateIngestRecords } from "./validate.ts";

export type IngestResult = { accepted: number; accountsRecomputed: number };
export type IngestRejection = {
  code: ErrorCode;
  message: string;
  details: IngestRecordError[];
  requestId: string;
};

/** What an ingestion request answered; stored under its Idempotency-Key and replayed as is. */
export type IngestAnswer =
  | { status: 200; body: IngestResult; replayed: boolean }
  | { status: 422; body: IngestRejection; replayed: boolean };

class IdempotencyRace extends Error {}

/**
 * SPEC §12 ingestion: validate every record (422 lists each bad one and nothing is stored),
 * else upsert the whole batch and recompute every affected account in ONE transaction.
 * With an Idempotency-Key the first answer is kept: a replay gets it again, another body 409.
 */
export async function ingestBatch(
  ctx: ServiceContext,
  {
    feed,
    apiKey,
    rawBody,
    idempotency,
  }: {
    feed: IngestFeed;
    apiKey: ApiKeyPrincipal;
    rawBody: string;
    idempotency: { key: string; requestHash: string } | null;
  },
): Promise<IngestAnswer> {
  const { now, requestId, db } = ctx;
  if (idempotency) {
    const earlier = await earlierAnswer(db, apiKey.id, idempotency);
    if (earlier) return earlier;
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new ServiceError("bad_request", "Malformed JSON in request body");
  }
  const raw = recordsOf(body);

  let records: IngestRecords[IngestFeed];
  try {
    records = await validateIngestRecords(db, feed, raw, now);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.code !== "unprocessable") throw error;
    const answer: IngestAnswer = {
      status: 422,
      body: {
        code: error.code,
        message: error.message,
        details: error.details as IngestRecordError[],
        requestId,
      },
      replayed: false,
    };
    if (idempotency) {
      await db
        .insert(schema.idempotencyRecords)
        .values({
          apiKeyId: apiKey.id,
          ...idempotency,
          statusCode: 422,
          response: answer.body,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    return answer;
  }

  try {
    return await withTransaction(ctx, async (txc) => {
      const tx = txc.db;
      const affected =
        feed === "usage"
          ? await upsertUsage(tx, records as IngestRecords["usage"])
          : feed === "tickets"
            ? await upsertTickets(tx, records as IngestRecords["tickets"])
            : await upsertActivities(tx, records as IngestRecords["activities"]);
      const reaction = await reactToAccountChange(tx, affected, { cause: `ingest:${feed}`, now });
      const result: IngestResult = {
        accepted: records.length,
        accountsRecomputed: reaction?.health?.accounts ?? 0,
      };
      await recordAudit(tx, {
        actorId: null,
        action: `ingest.${feed}`,
        entity: "ingest_batch",
        entityId: idempotency?.key ?? requestId,
        after: { apiKeyId: apiKey.id, apiKeyName: apiKey.name, ...result },
        requestId,
      });
      if (idempotency) {
        const stored = await tx
          .insert(schema.idempotencyRecords)
          .values({ apiKeyId: apiKey.id, ...idempotency, statusCode: 200, response: result, createdAt: now })
          .onConflictDoNothing()
          .returning({ key: schema.idempotencyRecords.key });
        // The same key committed by a concurrent request: undo ours, answer with theirs.
        if (stored.length === 0) throw new IdempotencyRace();
      }
      return { status: 200 as const, body: result, replayed: false };
    });
  } catch (error) {
    if (!(error instanceof IdempotencyRace) || !idempotency) throw error;
    const earlier = await earlierAnswer(db, apiKey.id, idempotency);
    if (!earlier)
      throw new ServiceError("conflict", "A request with this Idempotency-Key is in progress; retry");
    return earlier;
  }
}

async function earlierAnswer(
  db: Executor,
  apiKeyId: string,
  idempotency: { key: string; requestHash: string },
): Promise<IngestAnswer | null> {
  const [earlier] = await db
    .select()
    .from(schema.idempotencyRecords)
    .where(
      and(
        eq(schema.idempotencyRecords.apiKeyId, apiKeyId),
        eq(schema.idempotencyRecords.key, idempotency.key),
      ),
    );
  if (!earlier) return null;
  if (earlier.requestHash !== idempotency.requestHash) {
    throw new ServiceError(
      "conflict",
      "This Idempotency-Key was already used with a different request body; use a new key for new data",
    );
  }
  return earlier.statusCode === 200
    ? { status: 200, body: earlier.response as IngestResult, replayed: true }
    : { status: 422, body: earlier.response as IngestRejection, replayed: true };
}
