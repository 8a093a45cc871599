import { createRoute, z } from "@hono/zod-openapi";
import {
  approvalSides,
  healthCategorySchema,
  renewalAssessmentInputSchema,
  renewalForecastInputSchema,
  renewalOutcomeInputSchema,
  renewalOutcomeSchema,
  renewalPhaseSchema,
  renewalPlanInputSchema,
  renewalRatingSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import {
  approveRenewalAssessment,
  assessRenewal,
  forecastRenewal,
  getForecastAccuracy,
  getRenewal,
  getRenewalForecast,
  listRenewals,
  listReviewList,
  planRenewal,
  processRenewal,
  renewalSorts,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, jsonResponse, parseIfMatch } from "../http/router.ts";

const personRef = z.object({ id: z.string(), name: z.string() });
const outcome = renewalOutcomeSchema;
const quarterSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "expected a quarter like 2027-Q1")
  .openapi({ description: "A fiscal quarter, e.g. 2027-Q1", example: "2027-Q1" });

export const renewalSummarySchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    dueDate: z.string(),
    arrAtStakeCents: z.number().int(),
    seatsAtStake: z.number().int(),
    currency: z.string(),
    ta: personRef.nullable(),
    ae: personRef.nullable(),
    healthCategory: healthCategorySchema,
    rating: renewalRatingSchema.nullable(),
    approvals: z.object({
      ts: z.boolean(),
      sales: z.boolean(),
      complete: z.boolean(),
      missing: z.array(z.enum(approvalSides)),
    }),
    projectedOutcome: outcome.nullable(),
    latestForecast: z
      .object({
        week: z.string(),
        outcome,
        expectedArrCents: z.number().int(),
        expectedSeats: z.number().int(),
        enteredAt: z.string(),
      })
      .nullable(),
    forecastCount: z.number().int(),
    outcome: outcome.nullable(),
    arrAfterCents: z.number().int().nullable(),
    seatsAfter: z.number().int().nullable(),
    processedAt: z.string().nullable(),
    savePlan: z.enum(["not_needed", "missing", "stale", "current"]),
    version: z.number().int().openapi({ description: "Send as If-Match when editing" }),
    phase: renewalPhaseSchema,
    overdue: z.boolean(),
    daysLeft: z.number().int(),
    reason: z.string().openapi({ description: "Why the renewal is in its phase, as a sentence (X-1)" }),
  })
  .openapi("RenewalSummary");

const weeklyRowSchema = z.object({
  week: z.string(),
  forecast: z
    .object({
      week: z.string(),
      enteredAt: z.string(),
      outcome,
      expectedArrCents: z.number().int(),
      expectedSeats: z.number().int(),
    })
    .nullable(),
  carried: z.boolean(),
  arrChangeCents: z.number().int().nullable(),
});

export const renewalDetailSchema = renewalSummarySchema
  .extend({
    assessment: z
      .object({
        rating: renewalRatingSchema,
        summary: z.string(),
        documentId: z.string().nullable(),
        assessedBy: personRef.nullable(),
        assessedAt: z.string(),
        approvals: z.array(z.object({ side: z.enum(approvalSides), by: personRef, at: z.string() })),
      })
      .nullable(),
    plan: z
      .object({
        projectedOutcome: outcome,
        expectedArrCents: z.number().int(),
        note: z.string().nullable(),
        updatedBy: personRef.nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
    forecasts: z.array(
      z.object({
        id: z.number().int(),
        week: z.string(),
        outcome,
        expectedArrCents: z.number().int(),
        expectedSeats: z.number().int(),
        note: z.string().nullable(),
        author: personRef.nullable(),
        enteredAt: z.string(),
      }),
    ),
    weekly: z.array(weeklyRowSchema),
    dataForecast: z
      .object({
        expectedArrCents: z.number().int(),
        retention: z.number(),
        basis: z.string(),
        sampleSize: z.number().int(),
      })
      .nullable(),
    documents: z.object({
      healthAssessmentId: z.string().nullable(),
      savePlanId: z.string().nullable(),
      churnRetroId: z.string().nullable(),
    }),
    churnRetroId: z.string().nullable(),
    closedLostCategory: z.string().nullable(),
    churnReason: z.string().nullable(),
    nextRenewalDate: z.string().nullable(),
    processedBy: personRef.nullable(),
    actions: z
      .object({
        assess: z.boolean(),
        approveAs: z.enum(approvalSides).nullable(),
        plan: z.boolean(),
        forecast: z.boolean(),
        process: z.boolean(),
      })
      .openapi({ description: "What you may do here (the server checks it again)" }),
  })
  .openapi("RenewalDetail");

const renewalPageSchema = z
  .object({
    items: z.array(renewalSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    phases: z.array(
      z.object({ phase: renewalPhaseSchema, count: z.number().int(), arrAtStakeCents: z.number().int() }),
    ),
    overdue: z.number().int(),
  })
  .openapi("RenewalPage");

const forecastCell = z.object({
  count: z.number().int(),
  arrAtStakeCents: z.number().int(),
  expectedArrCents: z.number().int(),
});
const quarterForecastSchema = z
  .object({
    quarter: z.string(),
    byOutcome: z.record(z.string(), forecastCell),
    total: forecastCell,
    processedCount: z.number().int(),
    grr: z.number().nullable(),
    nrr: z.number().nullable(),
  })
  .openapi("QuarterForecast");

const accuracyGroupSchema = z.object({
  key: z.string(),
  forecastCount: z.number().int(),
  renewalCount: z.number().int(),
  arrBeforeCents: z.number().int(),
  meanArrAccuracy: z.number(),
  medianArrAccuracy: z.number(),
  meanBiasCents: z.number().int(),
  outcomeHitRate: z.number(),
  directionHitRate: z.number(),
});

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const writeErrors = {
  ...errorResponses,
  409: jsonResponse(errorBodySchema, "The renewal is processed: its outcome stands"),
  412: jsonResponse(errorBodySchema, "Stale version"),
  422: jsonResponse(errorBodySchema, "Inconsistent with the renewal (each detail names the field)"),
  428: jsonResponse(errorBodySchema, "If-Match missing"),
};
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const mineQuery = z
  .string()
  .max(100)
  .optional()
  .openapi({ description: '"mine": accounts where you hold any seat (TA, AE, CE…); or a user id' });
const tags = ["Renewals"];

const listRoute = createRoute({
  method: "get",
  path: "/renewals",
  tags,
  summary: "The renewals pipeline (R-1): filtered, sorted and paged, with counts and ARR per phase",
  request: {
    query: z.object({
      status: z.enum(["open", "processed", "all"]).default("open"),
      quarter: quarterSchema.optional(),
      phase: renewalPhaseSchema.optional(),
      rating: renewalRatingSchema.optional(),
      health: healthCategorySchema.optional(),
      outcome: outcome.optional(),
      overdue: z.enum(["true", "false"]).optional(),
      owner: mineQuery,
      withinDays: wholeNumberParamSchema({ min: 0, max: 3650 }).optional(),
      q: z.string().max(200).optional().openapi({ description: "Account name contains" }),
      accountId: z.uuid().optional().openapi({ description: "One account's renewals" }),
      sort: z.enum(renewalSorts).default("dueDate"),
      order: z.enum(["asc", "desc"]).default("asc"),
      page: wholeNumberParamSchema({ min: 1 }).default(1),
      pageSize: wholeNumberParamSchema({ min: 1, max: 200 }).default(50),
    }),
  },
  responses: { 200: jsonResponse(renewalPageSchema, "A page of renewals"), ...errorResponses },
});

const reviewListRoute = createRoute({
  method: "get",
  path: "/renewals/review-list",
  tags,
  summary:
    "R-3: the Yellow/Red Renewals review list — open renewals within 180 days with yellow or red health",
  request: { query: z.object({ owner: mineQuery }) },
  responses: {
    200: jsonResponse(
      z.object({
        today: z.string(),
        items: z.array(renewalSummarySchema.extend({ enteredOn: z.string(), reason: z.string() })),
      }),
      "Longest on the list first",
    ),
    ...errorResponses,
  },
});

const forecastRollupRoute = createRoute({
  method: "get",
  path: "/renewals/forecast",
  tags,
  summary: "R-5: the quarterly forecast — expected ARR by quarter and outcome, with forecast GRR and NRR",
  request: {
    query: z.object({
      quarter: z
        .union([quarterSchema, z.array(quarterSchema).max(12)])
        .optional()
        .openapi({ description: "One or more quarters; default this one and the next three" }),
      owner: mineQuery,
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ today: z.string(), quarters: z.array(quarterForecastSchema) }),
      "By quarter",
    ),
    ...errorResponses,
  },
});

const accuracyRoute = createRoute({
  method: "get",
  path: "/renewals/accuracy",
  tags,
  summary:
    "X-5: forecast accuracy of processed renewals per AE, TA, quarter or weeks out, beside the data forecast",
  request: { query: z.object({ by: z.enum(["ae", "ta", "quarter", "weeks_out"]).default("ae") }) },
  responses: {
    200: jsonResponse(
      z.object({
        by: z.string(),
        groups: z.array(accuracyGroupSchema),
        dataGroups: z.array(accuracyGroupSchema),
        retention: z.array(
          z.object({ quarter: z.string(), renewals: z.number().int(), grr: z.number(), nrr: z.number() }),
        ),
        forecasts: z.number().int(),
        renewals: z.number().int(),
      }),
      "Accuracy",
    ),
    ...errorResponses,
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/renewals/{id}",
  tags,
  summary:
    "One renewal: phase, assessment and approvals, plan, forecast history, documents; ETag = its version",
  request: { params: idParam },
  responses: { 200: jsonResponse(renewalDetailSchema, "The renewal"), ...errorResponses },
});

const assessRoute = createRoute({
  method: "put",
  path: "/renewals/{id}/assessment",
  tags,
  summary: "R-2: the TA's rating (green, yellow or red) and summary; a new rating needs both approvals again",
  request: { params: idParam, headers: ifMatchHeaders, body: json(renewalAssessmentInputSchema) },
  responses: { 200: jsonResponse(renewalDetailSchema, "The renewal"), ...writeErrors },
});

const approveRoute = createRoute({
  method: "post",
  path: "/renewals/{id}/assessment/approvals",
  tags,
  summary:
    "R-2: a TA manager or an AE manager approves the rating for their side; with both, it takes its route",
  request: {
    params: idParam,
    headers: ifMatchHeaders,
    // Optional: most approvers send nothing and approve for their own side.
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z.strictObject({
            side: z
              .enum(approvalSides)
              .optional()
              .openapi({ description: "Default: your side (admins, who have none: the side still missing)" }),
          }),
        },
      },
    },
  },
  responses: { 200: jsonResponse(renewalDetailSchema, "The renewal"), ...writeErrors },
});

const planRoute = createRoute({
  method: "put",
  path: "/renewals/{id}/plan",
  tags,
  summary: "R-4: the AE's renewal plan — projected outcome and expected ARR",
  request: { params: idParam, headers: ifMatchHeaders, body: json(renewalPlanInputSchema) },
  responses: { 200: jsonResponse(renewalDetailSchema, "The renewal"), ...writeErrors },
});

const forecastRoute = createRoute({
  method: "post",
  path: "/renewals/{id}/forecasts",
  tags,
  summary: "R-5: this week's forecast (appended; entering the week again keeps the earlier entry in history)",
  request: { params: idParam, body: json(renewalForecastInputSchema) },
  responses: { 201: jsonResponse(renewalDetailSchema, "The renewal"), ...writeErrors },
});

const processRoute = createRoute({
  method: "post",
  path: "/renewals/{id}/process",
  tags,
  summary:
    "R-6: record the outcome; the account takes the new ARR, seats and next renewal date (R-7 may start a retro)",
  request: { params: idParam, headers: ifMatchHeaders, body: json(renewalOutcomeInputSchema) },
  responses: { 200: jsonResponse(renewalDetailSchema, "The processed renewal"), ...writeErrors },
});

const asList = (value: string | string[] | undefined) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

export const renewalRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const user = c.get("user");
    const page = await listRenewals(serviceContext(c), {
      status: query.status,
      quarter: query.quarter,
      phase: query.phase,
      rating: query.rating,
      health: query.health,
      outcome: query.outcome,
      overdue: query.overdue === undefined ? undefined : query.overdue === "true",
      seatHolderId: query.owner === "mine" ? user.id : query.owner,
      withinDays: query.withinDays,
      search: query.q,
      accountId: query.accountId,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
  })
  .openapi(reviewListRoute, async (c) => {
    const { owner } = c.req.valid("query");
    const seatHolderId = owner === "mine" ? c.get("user").id : owner;
    return c.json(await listReviewList(serviceContext(c), { seatHolderId }), 200);
  })
  .openapi(forecastRollupRoute, async (c) => {
    const { quarter, owner } = c.req.valid("query");
    const seatHolderId = owner === "mine" ? c.get("user").id : owner;
    return c.json(
      await getRenewalForecast(serviceContext(c), { quarters: asList(quarter), seatHolderId }),
      200,
    );
  })
  .openapi(accuracyRoute, async (c) => {
    const { by } = c.req.valid("query");
    return c.json(await getForecastAccuracy(serviceContext(c), { by }), 200);
  })
  .openapi(detailRoute, async (c) => {
    const renewal = await getRenewal(serviceContext(c), { renewalId: c.req.valid("param").id });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 200);
  })
  .openapi(assessRoute, async (c) => {
    const renewal = await assessRenewal(serviceContext(c), {
      renewalId: c.req.valid("param").id,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      assessment: c.req.valid("json"),
    });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 200);
  })
  .openapi(approveRoute, async (c) => {
    const renewal = await approveRenewalAssessment(serviceContext(c), {
      renewalId: c.req.valid("param").id,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      side: c.req.valid("json")?.side,
    });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 200);
  })
  .openapi(planRoute, async (c) => {
    const renewal = await planRenewal(serviceContext(c), {
      renewalId: c.req.valid("param").id,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      plan: c.req.valid("json"),
    });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 200);
  })
  .openapi(forecastRoute, async (c) => {
    const renewal = await forecastRenewal(serviceContext(c), {
      renewalId: c.req.valid("param").id,
      forecast: c.req.valid("json"),
    });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 201);
  })
  .openapi(processRoute, async (c) => {
    const renewal = await processRenewal(serviceContext(c), {
      renewalId: c.req.valid("param").id,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      outcome: c.req.valid("json"),
    });
    c.header("ETag", etag(renewal.version));
    return c.json(renewal, 200);
  });
