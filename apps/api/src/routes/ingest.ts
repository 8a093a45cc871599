import { createRoute, z } from "@hono/zod-openapi";
import {
  activityRecordSchema,
  type IngestFeed,
  MAX_INGEST_RECORDS,
  scopeOfFeed,
  ticketRecordSchema,
  usageRecordSchema,
} from "@keel/domain";
import { ingestBatch, requestHashOf, ServiceError } from "@keel/services";
import type { Context } from "hono";
import { requireApiKey } from "../auth/api-key.ts";
import type { AppEnv } from "../http/context.ts";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorCodeSchema } from "../http/errors.ts";
import { createRouter } from "../http/router.ts";

/** Ingestion accepts bigger bodies than the rest of the API (a 5,000-record batch). */
export const MAX_INGEST_BODY_BYTES = 8 * 1024 * 1024;

const ingestResultSchema = z
  .object({
    accepted: z.number().int().openapi({ description: "Records stored (inserted or updated)" }),
    accountsRecomputed: z
      .number()
      .int()
      .openapi({ description: "Accounts whose health was recomputed in the same transaction (X-7)" }),
  })
  .openapi("IngestResult");

const recordErrorSchema = z
  .object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.array(z.object({ index: z.number().int(), path: z.string(), message: z.string() })),
    requestId: z.string(),
  })
  .openapi("IngestRecordErrors");

const idempotencyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().openapi({
    description:
      "Optional. A replay with the same key and body returns the first answer; the same key with another body is 409.",
  }),
});

const recordNames = { usage: "UsageRecord", tickets: "TicketRecord", activities: "ActivityRecord" } as const;
const descriptions = {
  usage:
    "Daily usage per account (DAU that day, the month's MAU, seats, instance version, precise intel). Upserted on (account, day).",
  tickets: "Support tickets (defect | help, opened at). Upserted on the external id.",
  activities:
    "Logged activities (email | call | meeting | slack, at, contact). Upserted on the external id when given.",
} as const;

/**
 * The body is read and validated by the handler, not by a route validator: every bad record
 * must be reported (422 with its index), a batch over the limit is 413, and the raw text is
 * what Idempotency-Key compares. The OpenAPI document still describes it.
 */
function ingestRoute(feed: IngestFeed) {
  const ref = { $ref: `#/components/schemas/${recordNames[feed]}` };
  return createRoute({
    method: "post",
    path: `/ingest/${feed}`,
    tags: ["Ingestion"],
    summary: `Ingest ${feed}: one record or { records: [...] } (up to ${MAX_INGEST_RECORDS})`,
    description: `${descriptions[feed]} Authenticated by an API key with scope \`${scopeOfFeed[feed]}\`. The batch is applied in one transaction and each affected account's health is recomputed in it; any bad record → 422 listing every bad record, nothing stored.`,
    security: [{ apiKey: [] }],
    middleware: [requireApiKey(scopeOfFeed[feed])] as const,
    request: {
      headers: idempotencyHeaders,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: {
              oneOf: [
                ref,
                {
                  type: "object",
                  required: ["records"],
                  additionalProperties: false,
                  properties: {
                    records: { type: "array", minItems: 1, maxItems: MAX_INGEST_RECORDS, items: ref },
                  },
                },
              ],
            },
          },
        },
      },
    },
    responses: {
      200: {
        description: "Stored and recomputed",
        content: { "application/json": { schema: ingestResultSchema } },
      },
      400: {
        description: "Not JSON, or not a record / batch",
        content: { "application/json": { schema: errorBodySchema } },
      },
      401: {
        description: "No, unknown or revoked API key",
        content: { "application/json": { schema: errorBodySchema } },
      },
      403: {
        description: "The key lacks the scope",
        content: { "application/json": { schema: errorBodySchema } },
      },
      409: {
        description: "Idempotency-Key reused with a different body",
        content: { "application/json": { schema: errorBodySchema } },
      },
      413: {
        description: `More than ${MAX_INGEST_RECORDS} records or ${MAX_INGEST_BODY_BYTES} bytes`,
        content: { "application/json": { schema: errorBodySchema } },
      },
      415: {
        description: "The body is not application/json",
        content: { "application/json": { schema: errorBodySchema } },
      },
      422: {
        description: "Some records are invalid; each is listed; nothing was stored",
        content: { "application/json": { schema: recordErrorSchema } },
      },
      429: {
        description:
          "Over this API key's requests or records per minute, or too many of its batches at once (Retry-After says when to retry)",
        content: { "application/json": { schema: errorBodySchema } },
      },
    },
  });
}

async function handleIngest(c: Context<AppEnv>, feed: IngestFeed) {
  const rawBody = await c.req.text();
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new ServiceError("bad_request", "Send the records as application/json");
  }
  const key = c.req.header("idempotency-key");
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    throw new ServiceError("bad_request", "Idempotency-Key must be 1 to 255 characters");
  }
  const apiKey = c.get("apiKey");
  const limits = c.get("limits").ingest;
  const answer = await limits.batch(apiKey.id, () =>
    ingestBatch(serviceContext(c), {
      feed,
      apiKey,
      rawBody,
      idempotency: key ? { key, requestHash: requestHashOf(c.req.method, c.req.path, rawBody) } : null,
    }),
  );
  if (answer.replayed) c.header("Idempotent-Replayed", "true");
  else if (answer.status === 200) await limits.stored(apiKey.id, answer.body.accepted);
  return answer;
}

export const ingestRoutes = createRouter();
// The record schemas are documented as JSON Schema generated from the same zod schemas.
for (const [name, recordSchema] of [
  ["UsageRecord", usageRecordSchema],
  ["TicketRecord", ticketRecordSchema],
  ["ActivityRecord", activityRecordSchema],
] as const) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(recordSchema, { io: "input" });
  ingestRoutes.openAPIRegistry.registerComponent("schemas", name, jsonSchema as never);
}
ingestRoutes
  .openapi(ingestRoute("usage"), async (c) => {
    const answer = await handleIngest(c, "usage");
    return answer.status === 200 ? c.json(answer.body, 200) : c.json(answer.body, 422);
  })
  .openapi(ingestRoute("tickets"), async (c) => {
    const answer = await handleIngest(c, "tickets");
    return answer.status === 200 ? c.json(answer.body, 200) : c.json(answer.body, 422);
  })
  .openapi(ingestRoute("activities"), async (c) => {
    const answer = await handleIngest(c, "activities");
    return answer.status === 200 ? c.json(answer.body, 200) : c.json(answer.body, 422);
  });
