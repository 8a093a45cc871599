import { createRoute, z } from "@hono/zod-openapi";
import {
  calendarDateSchema,
  closedLostCategorySchema,
  nonEmptyPatch,
  requiredTextSchema,
} from "@keel/domain";
import {
  addChurnRetroAction,
  getChurnRetro,
  listChurnRetros,
  updateChurnRetro,
  updateChurnRetroAction,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, jsonResponse, parseIfMatch } from "../http/router.ts";

const personRef = z.object({ id: z.string(), name: z.string() });
const retroStatusSchema = z.enum(["open", "reviewed", "closed"]);
const actionStatusSchema = z.enum(["open", "done"]);

export const churnRetroSchema = z
  .object({
    id: z.uuid(),
    renewalId: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    dueDate: z.string(),
    outcome: z.string().nullable(),
    arrLostCents: z.number().int(),
    seatsBefore: z.number().int(),
    seatsAfter: z.number().int().nullable(),
    closedLostCategory: z.string().nullable(),
    churnReason: z.string().nullable(),
    lessonsLearned: z.string(),
    status: retroStatusSchema,
    sponsor: personRef.nullable(),
    ta: personRef.nullable(),
    ae: personRef.nullable(),
    documentId: z.string().nullable(),
    reviewTaskId: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        owner: personRef.nullable(),
        dueDate: z.string(),
        status: actionStatusSchema,
        version: z.number().int(),
      }),
    ),
    openActions: z.number().int(),
    version: z.number().int(),
  })
  .openapi("ChurnRetro");

export const churnRetroDetailSchema = churnRetroSchema
  .extend({
    canEdit: z
      .boolean()
      .openapi({ description: "Whether the caller may edit the retro and its calls to action" }),
  })
  .openapi("ChurnRetroDetail");

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const writeErrors = {
  ...errorResponses,
  412: jsonResponse(errorBodySchema, "Stale version"),
  422: jsonResponse(errorBodySchema, "A person who cannot hold the role"),
  428: jsonResponse(errorBodySchema, "If-Match missing"),
};
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const tags = ["Churn retros"];

const listRoute = createRoute({
  method: "get",
  path: "/churn-retros",
  tags,
  summary: "R-7: churn retros, newest first",
  request: { query: z.object({ status: retroStatusSchema.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(churnRetroSchema) }), "Retros"),
    ...errorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/churn-retros/{id}",
  tags,
  summary: "One churn retro with its calls to action; ETag = its version",
  request: { params: idParam },
  responses: { 200: jsonResponse(churnRetroDetailSchema, "The retro"), ...errorResponses },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/churn-retros/{id}",
  tags,
  summary: "R-7: lessons learned, status, closed-lost category and reason, sponsor; needs If-Match",
  request: {
    params: idParam,
    headers: ifMatchHeaders,
    body: json(
      nonEmptyPatch(
        z.strictObject({
          lessonsLearned: z.string().max(20_000).optional(),
          status: retroStatusSchema.optional(),
          closedLostCategory: closedLostCategorySchema.nullable().optional(),
          churnReason: z.string().max(5_000).nullable().optional(),
          sponsorId: z.string().min(1).max(100).nullable().optional(),
        }),
      ),
    ),
  },
  responses: { 200: jsonResponse(churnRetroDetailSchema, "The retro"), ...writeErrors },
});

const addActionRoute = createRoute({
  method: "post",
  path: "/churn-retros/{id}/actions",
  tags,
  summary: "R-7: add a call to action with its owner and due date",
  request: {
    params: idParam,
    body: json(
      z.strictObject({
        title: requiredTextSchema(300),
        ownerId: z.string().min(1).max(100).nullable().default(null),
        dueDate: calendarDateSchema,
      }),
    ),
  },
  responses: { 201: jsonResponse(churnRetroDetailSchema, "The retro"), ...writeErrors },
});

const patchActionRoute = createRoute({
  method: "patch",
  path: "/churn-retros/{id}/actions/{actionId}",
  tags,
  summary: "R-7: mark a call to action done or open, or change it; needs If-Match (the action's version)",
  request: {
    params: idParam.extend({ actionId: z.uuid().openapi({ param: { name: "actionId", in: "path" } }) }),
    headers: ifMatchHeaders,
    body: json(
      nonEmptyPatch(
        z.strictObject({
          title: requiredTextSchema(300).optional(),
          ownerId: z.string().min(1).max(100).nullable().optional(),
          dueDate: calendarDateSchema.optional(),
          status: actionStatusSchema.optional(),
        }),
      ),
    ),
  },
  responses: { 200: jsonResponse(churnRetroDetailSchema, "The retro"), ...writeErrors },
});

export const churnRetroRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json({ items: await listChurnRetros(serviceContext(c), { status: c.req.valid("query").status }) }, 200),
  )
  .openapi(getRoute, async (c) => {
    const retro = await getChurnRetro(serviceContext(c), { retroId: c.req.valid("param").id });
    c.header("ETag", etag(retro.version));
    return c.json(retro, 200);
  })
  .openapi(patchRoute, async (c) => {
    const retro = await updateChurnRetro(serviceContext(c), {
      retroId: c.req.valid("param").id,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      patch: c.req.valid("json"),
    });
    c.header("ETag", etag(retro.version));
    return c.json(retro, 200);
  })
  .openapi(addActionRoute, async (c) => {
    const body = c.req.valid("json");
    const retro = await addChurnRetroAction(serviceContext(c), {
      retroId: c.req.valid("param").id,
      title: body.title,
      ownerId: body.ownerId,
      dueDate: body.dueDate,
    });
    c.header("ETag", etag(retro.version));
    return c.json(retro, 201);
  })
  .openapi(patchActionRoute, async (c) => {
    const { id, actionId } = c.req.valid("param");
    const retro = await updateChurnRetroAction(serviceContext(c), {
      retroId: id,
      actionId,
      expectedVersion: parseIfMatch(c.req.valid("header")["if-match"]),
      patch: c.req.valid("json"),
    });
    c.header("ETag", etag(retro.version));
    return c.json(retro, 200);
  });
