import { createRoute, z } from "@hono/zod-openapi";
import {
  calendarDateSchema,
  healthBreakdownSchema,
  healthCategorySchema,
  nonEmptyPatch,
  pulseSchema,
  teamMemberSchema,
  traitChangeSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import {
  authorizeAccount,
  getAccountHealth,
  getHealthAsOf,
  getHealthHistory,
  listCategoryChanges,
  ServiceError,
  setManualTraits,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, parseIfMatch, todayOf } from "../http/router.ts";

const accountIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const manualTraitStateSchema = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      setAt: z.string(),
      setBy: z.string().nullable(),
      /** H-6: not refreshed for the policy's number of days; still counted. */
      stale: z.boolean(),
    })
    .nullable();

export const manualTraitsSchema = z
  .object({
    version: z.number().int().openapi({ description: "Send as If-Match when editing (0: never set)" }),
    taPulse: manualTraitStateSchema(pulseSchema),
    activeChampion: manualTraitStateSchema(z.boolean()),
    buyerAccess: manualTraitStateSchema(z.boolean()),
  })
  .openapi("ManualTraits");

export const accountHealthSchema = z
  .object({
    accountId: z.uuid(),
    score: z.number().nullable().openapi({ description: "0–100, null when no trait has data (H-3)" }),
    category: healthCategorySchema,
    policyVersion: z.number().int(),
    computedAt: z
      .string()
      .nullable()
      .openapi({ description: "null: not stored yet, computed for this answer" }),
    breakdown: healthBreakdownSchema,
    manualTraits: manualTraitsSchema,
  })
  .openapi("AccountHealth");

export const healthHistorySchema = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        score: z.number().nullable(),
        category: healthCategorySchema,
        policyVersion: z.number().int(),
        policyChanged: z
          .boolean()
          .openapi({ description: "The policy differs from the previous point's (X-3)" }),
        cause: z.string(),
        changes: z.array(traitChangeSchema).openapi({ description: "Traits that moved the score (X-1)" }),
      }),
    ),
  })
  .openapi("HealthHistory");

export const healthAsOfSchema = z
  .object({
    accountId: z.uuid(),
    asOf: z.iso.date(),
    score: z.number().nullable(),
    category: healthCategorySchema,
    policyVersion: z.number().int(),
    breakdown: healthBreakdownSchema,
    inputs: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  })
  .openapi("HealthAsOf");

const manualTraitsPatchSchema = nonEmptyPatch(
  z.strictObject({
    taPulse: pulseSchema.nullable().optional(),
    activeChampion: z.boolean().nullable().optional(),
    buyerAccess: z.boolean().nullable().optional(),
  }),
  "Send at least one trait",
).openapi("ManualTraitsPatch");

export const categoryChangePageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        accountId: z.uuid(),
        accountName: z.string(),
        ta: teamMemberSchema.nullable(),
        at: z.string(),
        fromCategory: healthCategorySchema,
        toCategory: healthCategorySchema,
        score: z.number().nullable(),
        policyVersion: z.number().int(),
        cause: z.string(),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("CategoryChangePage");

const dateRange = {
  from: calendarDateSchema.optional().openapi({ description: "On or after (YYYY-MM-DD)" }),
  to: calendarDateSchema.optional().openapi({ description: "On or before (YYYY-MM-DD)" }),
};

const healthRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/health",
  tags: ["Health"],
  summary:
    "Current health: score, category, policy version and breakdown (H-3, H-4); ETag = manual traits version",
  request: { params: accountIdParam },
  responses: {
    200: {
      description: "The account's health",
      content: { "application/json": { schema: accountHealthSchema } },
    },
    ...errorResponses,
  },
});

const historyRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/health/history",
  tags: ["Health"],
  summary: "Score snapshots over time with their policy versions (H-5, X-3)",
  request: { params: accountIdParam, query: z.object(dateRange) },
  responses: {
    200: {
      description: "Snapshots, oldest first",
      content: { "application/json": { schema: healthHistorySchema } },
    },
    ...errorResponses,
  },
});

const asOfRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/health/as-of",
  tags: ["Health"],
  summary: "Time travel (X-4): the score as of a past day from stored inputs, under any policy version",
  request: {
    params: accountIdParam,
    query: z.object({
      // `.meta()`, not `.openapi()`: the domain's schema was made before zod was extended for OpenAPI.
      date: calendarDateSchema.meta({ description: "The day (YYYY-MM-DD), not after today" }),
      policyVersion: wholeNumberParamSchema({ min: 1 })
        .optional()
        .openapi({ description: "Default: the policy in force on that day" }),
    }),
  },
  responses: {
    200: {
      description: "The computed score (not stored)",
      content: { "application/json": { schema: healthAsOfSchema } },
    },
    ...errorResponses,
    422: {
      description: "No policy in force then",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

const traitsRoute = createRoute({
  method: "put",
  path: "/accounts/{id}/traits",
  tags: ["Health"],
  summary:
    "Set manual traits (TA pulse, active champion, buyer access); needs If-Match; returns the new health (X-7)",
  request: {
    params: accountIdParam,
    headers: ifMatchHeaders,
    body: { required: true, content: { "application/json": { schema: manualTraitsPatchSchema } } },
  },
  responses: {
    200: {
      description: "The recomputed health",
      content: { "application/json": { schema: accountHealthSchema } },
    },
    ...errorResponses,
    412: { description: "Stale version", content: { "application/json": { schema: errorBodySchema } } },
    428: { description: "If-Match missing", content: { "application/json": { schema: errorBodySchema } } },
  },
});

const categoryChangesRoute = createRoute({
  method: "get",
  path: "/health/category-changes",
  tags: ["Health"],
  summary: "Health category changes (H-5), newest first, with account and TA",
  request: {
    query: z.object({
      ta: z.string().max(100).optional().openapi({ description: 'A TA\'s user id, "mine" or "none"' }),
      ...dateRange,
      fromCategory: healthCategorySchema.optional(),
      toCategory: healthCategorySchema.optional(),
      page: wholeNumberParamSchema({ min: 1 }).default(1),
      pageSize: wholeNumberParamSchema({ min: 1, max: 500 }).default(50),
    }),
  },
  responses: {
    200: {
      description: "A page of changes",
      content: { "application/json": { schema: categoryChangePageSchema } },
    },
    ...errorResponses,
  },
});

export const healthRoutes = createRouter()
  .openapi(healthRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { now } = c.get("deps");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    const health = await getAccountHealth(serviceContext(c), { accountId: id, today: todayOf(now()) });
    c.header("ETag", etag(health.manualTraits.version));
    return c.json(health, 200);
  })
  .openapi(historyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json({ items: await getHealthHistory(serviceContext(c), { accountId: id, from, to }) }, 200);
  })
  .openapi(asOfRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { date, policyVersion } = c.req.valid("query");
    const { now } = c.get("deps");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    if (date > todayOf(now())) throw new ServiceError("bad_request", "date must not be in the future");
    return c.json(await getHealthAsOf(serviceContext(c), { accountId: id, asOf: date, policyVersion }), 200);
  })
  .openapi(traitsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const health = await setManualTraits(serviceContext(c), {
      accountId: id,
      expectedVersion,
      patch: c.req.valid("json"),
    });
    c.header("ETag", etag(health.manualTraits.version));
    return c.json(health, 200);
  })
  .openapi(categoryChangesRoute, async (c) => {
    const query = c.req.valid("query");
    const user = c.get("user");
    const page = await listCategoryChanges(serviceContext(c), {
      taUserId: query.ta === "mine" ? user.id : query.ta === "none" ? null : query.ta,
      from: query.from,
      to: query.to,
      fromCategory: query.fromCategory,
      toCategory: query.toCategory,
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(page, 200);
  });
