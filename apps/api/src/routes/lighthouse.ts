import { createRoute, z } from "@hono/zod-openapi";
import {
  approvalSides,
  calendarDateSchema,
  enrolmentEntryInputSchema,
  enrolmentSources,
  enrolmentStates,
  exitOutcomes,
  healthCategorySchema,
  manualEvidenceSchema,
  requiredTextSchema,
  savePlanInputSchema,
  successCriterionSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import {
  approveLighthouseExit,
  closeLighthouseEnrolment,
  enrolmentSorts,
  enterLighthouse,
  getEnrolment,
  getLighthouseAgenda,
  getLighthouseMetrics,
  listEnrolments,
  listLighthouseSyncs,
  postLighthouseUpdate,
  recordCriterionEvidence,
  recordLighthouseSync,
  saveSavePlan,
  setLighthouseSponsor,
  todayOf,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, jsonResponse, parseIfMatch } from "../http/router.ts";

const personRef = z.object({ id: z.string(), name: z.string() });
const exitSchema = z.object({ outcome: z.enum(exitOutcomes), on: z.string() });
const criterionStatus = z.enum(["met", "unmet", "unknown"]);

export const enrolmentSummarySchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    source: z.enum(enrolmentSources),
    reason: z.string(),
    enteredAt: z.string(),
    enteredOn: z.string(),
    enteredBy: personRef.nullable(),
    sponsor: personRef.nullable(),
    taName: z.string().nullable(),
    planPresentedOn: z.string().nullable(),
    exit: exitSchema.nullable(),
    state: z.enum(enrolmentStates),
    criteriaMet: z.number().int(),
    criteriaTotal: z.number().int(),
    lastUpdateAt: z.string().nullable(),
    daysSinceUpdate: z.number().int(),
    needsSponsor: z.boolean(),
    healthCategory: healthCategorySchema.nullable(),
    arrCents: z.number().int(),
    renewalDate: z.string().nullable(),
  })
  .openapi("LighthouseEnrolmentSummary");

export const enrolmentDetailSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    source: z.enum(enrolmentSources),
    reason: z.string(),
    renewalId: z.string().nullable(),
    enteredAt: z.string(),
    enteredBy: personRef.nullable(),
    sponsor: personRef.nullable(),
    sharedWith: z.array(personRef),
    savePlanDocumentId: z.string().nullable(),
    planPresentedOn: z.string().nullable(),
    exit: z.object({ outcome: z.enum(exitOutcomes), at: z.string(), note: z.string().nullable() }).nullable(),
    daysInProgram: z.number().int(),
    state: z.enum(enrolmentStates),
    stateReason: z
      .string()
      .openapi({ description: "Why the enrolment is in its state, as a sentence (X-1)" }),
    plan: z
      .object({
        problem: z.string(),
        goal: z.string(),
        updatedAt: z.string(),
        updatedBy: personRef.nullable(),
      })
      .nullable(),
    criteria: z.array(
      z.object({
        id: z.uuid(),
        definition: successCriterionSchema,
        description: z.string(),
        status: criterionStatus,
        value: z.string().nullable(),
        reason: z.string(),
        evidence: z.object({ text: z.string(), metOn: z.string(), by: personRef.nullable() }).nullable(),
        history: z.array(z.object({ status: criterionStatus, value: z.string().nullable(), at: z.string() })),
        steps: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            owner: personRef.nullable(),
            dueOn: z.string(),
            taskId: z.string().nullable(),
            done: z.boolean(),
          }),
        ),
      }),
    ),
    progress: z.object({ met: z.number().int(), total: z.number().int(), allMet: z.boolean() }),
    updates: z.array(
      z.object({
        id: z.uuid(),
        author: personRef.nullable(),
        progress: z.string(),
        blockers: z.string(),
        risks: z.string(),
        asks: z.string(),
        at: z.string(),
      }),
    ),
    approvals: z.array(z.object({ side: z.enum(approvalSides), by: personRef, at: z.string() })),
    actions: z.object({ update: z.boolean(), approveExit: z.boolean(), lead: z.boolean() }),
    version: z.number().int().openapi({ description: "Send as If-Match when editing" }),
  })
  .openapi("LighthouseEnrolment");

const agendaItemSchema = z.object({
  id: z.uuid(),
  accountName: z.string(),
  taName: z.string().nullable(),
  sponsorName: z.string().nullable(),
  enteredOn: z.string(),
  reason: z.string(),
  state: z.enum(enrolmentStates),
  criteriaMet: z.number().int(),
  criteriaTotal: z.number().int(),
  plan: z
    .object({
      problem: z.string(),
      goal: z.string(),
      criteria: z.array(z.object({ description: z.string(), status: criterionStatus })),
      steps: z.array(
        z.object({
          criterion: z.string(),
          title: z.string(),
          ownerName: z.string().nullable(),
          dueOn: z.string().nullable(),
          done: z.boolean(),
        }),
      ),
    })
    .nullable(),
  recentUpdates: z.array(
    z.object({
      on: z.string(),
      authorName: z.string().nullable(),
      progress: z.string(),
      blockers: z.string(),
      risks: z.string(),
      asks: z.string(),
    }),
  ),
  recentChanges: z.array(z.object({ on: z.string(), criterion: z.string(), status: criterionStatus })),
  health: z.object({ before: healthCategorySchema.nullable(), now: healthCategorySchema.nullable() }),
  exit: exitSchema.nullable(),
});

const agendaSchema = z
  .object({
    date: z.string(),
    previousSyncOn: z.string().nullable(),
    updatesFrom: z.string(),
    newEntrants: z.array(agendaItemSchema),
    existing: z.array(agendaItemSchema),
    exited: z.array(agendaItemSchema),
    markdown: z.string(),
  })
  .openapi("LighthouseAgenda");

const metricsSchema = z
  .object({
    today: z.string(),
    inProgram: z.number().int(),
    enteredThisQuarter: z.number().int(),
    saveRate: z.number().nullable(),
    medianDaysInProgram: z.number().nullable(),
    arrInProgramCents: z.number().int(),
    arrSavedCents: z.number().int(),
    arrLostCents: z.number().int(),
    exits: z.object({ saved: z.number().int(), churned: z.number().int(), withdrawn: z.number().int() }),
  })
  .openapi("LighthouseMetrics");

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const writeErrors = {
  ...errorResponses,
  409: jsonResponse(errorBodySchema, "The account is in the program already, or this stay has ended"),
  412: jsonResponse(errorBodySchema, "Stale version"),
  422: jsonResponse(
    errorBodySchema,
    "Names a person or a thing that does not exist (each detail names the field)",
  ),
  428: jsonResponse(errorBodySchema, "If-Match missing"),
};
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const tags = ["Lighthouse"];
const text = (max: number) => z.string().trim().max(max);

const listRoute = createRoute({
  method: "get",
  path: "/lighthouse/enrolments",
  tags,
  summary: "The Lighthouse master list (SPEC §11): every account in the program, filtered, sorted and paged",
  request: {
    query: z.object({
      status: z.enum(["open", "exited", "all"]).default("open"),
      state: z.enum(enrolmentStates).optional(),
      source: z.enum(enrolmentSources).optional(),
      owner: z
        .string()
        .max(100)
        .optional()
        .openapi({ description: '"mine": accounts where you hold a seat or that you sponsor; or a user id' }),
      q: z.string().max(200).optional().openapi({ description: "Account name contains" }),
      accountId: z.uuid().optional().openapi({ description: "One account's stays in the program" }),
      sort: z.enum(enrolmentSorts).default("enteredAt"),
      order: z.enum(["asc", "desc"]).default("desc"),
      page: wholeNumberParamSchema({ min: 1 }).default(1),
      pageSize: wholeNumberParamSchema({ min: 1, max: 200 }).default(50),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(enrolmentSummarySchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      "A page of enrolments",
    ),
    ...errorResponses,
  },
});

const enterRoute = createRoute({
  method: "post",
  path: "/lighthouse/enrolments",
  tags,
  summary:
    "LH-1: enter an account by hand, with a reason (its TA or AE, leadership, an admin); the save plan and its tasks follow (LH-3)",
  request: { body: json(enrolmentEntryInputSchema) },
  responses: { 201: jsonResponse(enrolmentDetailSchema, "The new enrolment"), ...writeErrors },
});

const detailRoute = createRoute({
  method: "get",
  path: "/lighthouse/enrolments/{id}",
  tags,
  summary:
    "One enrolment: save plan, live success criteria and their history, updates, approvals; ETag = its version",
  request: { params: idParam },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...errorResponses },
});

const sponsorRoute = createRoute({
  method: "patch",
  path: "/lighthouse/enrolments/{id}",
  tags,
  summary: "LH-3: name the exec sponsor (leadership)",
  request: {
    params: idParam,
    headers: ifMatchHeaders,
    body: json(z.strictObject({ sponsorId: requiredTextSchema(100) })),
  },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const savePlanRoute = createRoute({
  method: "put",
  path: "/lighthouse/enrolments/{id}/save-plan",
  tags,
  summary:
    "LH-2: the Account Save Plan — problem, goal, success criteria (bound to a measure or manual) and their steps",
  request: { params: idParam, headers: ifMatchHeaders, body: json(savePlanInputSchema) },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const evidenceRoute = createRoute({
  method: "put",
  path: "/lighthouse/enrolments/{id}/criteria/{criterionId}/evidence",
  tags,
  summary: "LH-2: mark a manual success criterion met, with evidence and the day",
  request: {
    params: idParam.extend({ criterionId: z.uuid().openapi({ param: { name: "criterionId", in: "path" } }) }),
    headers: ifMatchHeaders,
    body: json(manualEvidenceSchema),
  },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const updateRoute = createRoute({
  method: "post",
  path: "/lighthouse/enrolments/{id}/updates",
  tags,
  summary: "LH-4: the TA's weekly update — progress, blockers, risks, asks",
  request: {
    params: idParam,
    body: json(
      z.strictObject({
        progress: requiredTextSchema(5000),
        blockers: text(5000).optional(),
        risks: text(5000).optional(),
        asks: text(5000).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const approveExitRoute = createRoute({
  method: "post",
  path: "/lighthouse/enrolments/{id}/exit-approvals",
  tags,
  summary:
    "LH-5: Sales or TS leadership approves the exit once every criterion is met; with both, the account exits as saved",
  request: { params: idParam, headers: ifMatchHeaders },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const closeRoute = createRoute({
  method: "post",
  path: "/lighthouse/enrolments/{id}/exit",
  tags,
  summary: "LH-5: end a stay that was not a save — churned or withdrawn — with a note (leadership)",
  request: {
    params: idParam,
    headers: ifMatchHeaders,
    body: json(z.strictObject({ outcome: z.enum(["churned", "withdrawn"]), note: requiredTextSchema(2000) })),
  },
  responses: { 200: jsonResponse(enrolmentDetailSchema, "The enrolment"), ...writeErrors },
});

const agendaQuery = z.object({
  date: calendarDateSchema.optional().openapi({ description: "The sync's day; default today" }),
});

const agendaRoute = createRoute({
  method: "get",
  path: "/lighthouse/agenda",
  tags,
  summary:
    "LH-4: the program sync's agenda for a date — new entrants, existing accounts' last two weeks, who left",
  request: { query: agendaQuery },
  responses: { 200: jsonResponse(agendaSchema, "The agenda"), ...errorResponses },
});

const agendaMarkdownRoute = createRoute({
  method: "get",
  path: "/lighthouse/agenda/markdown",
  tags,
  summary: "LH-4: the same agenda as Markdown, to export or paste",
  request: { query: agendaQuery },
  responses: {
    200: { description: "The agenda as Markdown", content: { "text/markdown": { schema: z.string() } } },
    ...errorResponses,
  },
});

const syncsRoute = createRoute({
  method: "get",
  path: "/lighthouse/syncs",
  tags,
  summary: "LH-4: the program syncs held, newest first, with their agendas as generated",
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({
            id: z.uuid(),
            heldOn: z.string(),
            attendees: z.array(personRef),
            agendaMarkdown: z.string(),
          }),
        ),
      }),
      "Syncs",
    ),
    ...errorResponses,
  },
});

const recordSyncRoute = createRoute({
  method: "post",
  path: "/lighthouse/syncs",
  tags,
  summary:
    "LH-4: record a sync held (attendees; its agenda is kept, new plans count as presented); post=true sends it to chat",
  request: {
    body: json(
      z.strictObject({
        heldOn: calendarDateSchema,
        attendeeIds: z.array(requiredTextSchema(100)).max(100).default([]),
        post: z.boolean().default(false),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.uuid(), presented: z.number().int() }), "The sync"),
    ...writeErrors,
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/lighthouse/metrics",
  tags,
  summary:
    "LH-5: the program in figures — in, entered this quarter, save rate, median days, ARR in, saved and lost",
  responses: { 200: jsonResponse(metricsSchema, "Metrics"), ...errorResponses },
});

/** Every answer about one enrolment is the enrolment as read now, with its version as ETag. */
async function answerEnrolment(
  c: { header: (name: string, value: string) => void },
  ctx: ReturnType<typeof serviceContext>,
  enrolmentId: string,
) {
  const enrolment = await getEnrolment(ctx, { enrolmentId });
  c.header("ETag", etag(enrolment.version));
  return enrolment;
}

export const lighthouseRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await listEnrolments(serviceContext(c), {
      status: query.status,
      state: query.state,
      source: query.source,
      mineOf: query.owner === "mine" ? c.get("user").id : query.owner,
      search: query.q,
      accountId: query.accountId,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
  })
  .openapi(enterRoute, async (c) => {
    const ctx = serviceContext(c);
    const { enrolmentId } = await enterLighthouse(ctx, c.req.valid("json"));
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 201);
  })
  .openapi(detailRoute, async (c) =>
    c.json(await answerEnrolment(c, serviceContext(c), c.req.valid("param").id), 200),
  )
  .openapi(sponsorRoute, async (c) => {
    const ctx = serviceContext(c);
    const enrolmentId = c.req.valid("param").id;
    await setLighthouseSponsor(ctx, {
      enrolmentId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      sponsorId: c.req.valid("json").sponsorId,
    });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 200);
  })
  .openapi(savePlanRoute, async (c) => {
    const ctx = serviceContext(c);
    const enrolmentId = c.req.valid("param").id;
    await saveSavePlan(ctx, {
      enrolmentId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      plan: c.req.valid("json"),
    });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 200);
  })
  .openapi(evidenceRoute, async (c) => {
    const ctx = serviceContext(c);
    const { id: enrolmentId, criterionId } = c.req.valid("param");
    await recordCriterionEvidence(ctx, {
      enrolmentId,
      criterionId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      evidence: c.req.valid("json"),
    });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 200);
  })
  .openapi(updateRoute, async (c) => {
    const ctx = serviceContext(c);
    const enrolmentId = c.req.valid("param").id;
    await postLighthouseUpdate(ctx, { enrolmentId, update: c.req.valid("json") });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 201);
  })
  .openapi(approveExitRoute, async (c) => {
    const ctx = serviceContext(c);
    const enrolmentId = c.req.valid("param").id;
    await approveLighthouseExit(ctx, {
      enrolmentId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
    });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 200);
  })
  .openapi(closeRoute, async (c) => {
    const ctx = serviceContext(c);
    const enrolmentId = c.req.valid("param").id;
    const { outcome, note } = c.req.valid("json");
    await closeLighthouseEnrolment(ctx, {
      enrolmentId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      outcome,
      note,
    });
    return c.json(await answerEnrolment(c, ctx, enrolmentId), 200);
  })
  .openapi(agendaRoute, async (c) => {
    const ctx = serviceContext(c);
    const { date } = c.req.valid("query");
    return c.json(await getLighthouseAgenda(ctx, { date: date ?? todayOf(ctx.now) }), 200);
  })
  .openapi(agendaMarkdownRoute, async (c) => {
    const ctx = serviceContext(c);
    const { date } = c.req.valid("query");
    const agenda = await getLighthouseAgenda(ctx, { date: date ?? todayOf(ctx.now) });
    return c.body(agenda.markdown, 200, { "Content-Type": "text/markdown; charset=utf-8" });
  })
  .openapi(syncsRoute, async (c) => c.json({ items: await listLighthouseSyncs(serviceContext(c)) }, 200))
  .openapi(recordSyncRoute, async (c) => {
    const body = c.req.valid("json");
    const sync = await recordLighthouseSync(serviceContext(c), {
      heldOn: body.heldOn,
      attendeeIds: body.attendeeIds,
      post: body.post,
    });
    return c.json(sync, 201);
  })
  .openapi(metricsRoute, async (c) => c.json(await getLighthouseMetrics(serviceContext(c)), 200));
