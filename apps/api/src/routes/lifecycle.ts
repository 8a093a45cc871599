import { createRoute, z } from "@hono/zod-openapi";
import { accountSchema, lifecycleStageSchema, supportLevelSchema, teamRoles } from "@keel/domain";
import { assignTeamSeat, authorizeAccount, getStageHistory, setSupportLevel } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, jsonResponse, parseIfMatch } from "../http/router.ts";

const accountIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const writeErrors = {
  ...errorResponses,
  412: jsonResponse(errorBodySchema, "Stale version"),
  422: jsonResponse(errorBodySchema, "Not possible for this account or person"),
  428: jsonResponse(errorBodySchema, "If-Match missing"),
};

const stageChangeSchema = z.object({
  id: z.number().int(),
  fromStage: lifecycleStageSchema.nullable(),
  toStage: lifecycleStageSchema,
  at: z.string(),
  cause: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("rule"), ruleId: z.string(), policyVersion: z.number().int().nullable() }),
    z.object({ kind: z.literal("person"), user: z.object({ id: z.string(), name: z.string() }).nullable() }),
  ]),
  reason: z.string(),
});

const stageHistoryRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/stage-history",
  tags: ["Lifecycle"],
  summary: "L-6: stage changes with time and cause, and why the account is in its stage now",
  request: { params: accountIdParam },
  responses: {
    200: jsonResponse(
      z.object({
        current: z.object({
          stage: lifecycleStageSchema,
          ruleId: z.string(),
          reason: z.string(),
          policyVersion: z.number().int(),
        }),
        changes: z.array(stageChangeSchema),
      }),
      "Stage history",
    ),
    ...errorResponses,
  },
});

const supportLevelRoute = createRoute({
  method: "put",
  path: "/accounts/{id}/support-level",
  tags: ["Lifecycle"],
  summary: "A-3 T-45: leadership sets the support level (segmentation A-2 runs in the same request)",
  request: {
    params: accountIdParam,
    headers: ifMatchHeaders,
    body: {
      required: true,
      content: { "application/json": { schema: z.strictObject({ supportLevel: supportLevelSchema }) } },
    },
  },
  responses: { 200: jsonResponse(accountSchema, "The account"), ...writeErrors },
});

const teamRoute = createRoute({
  method: "put",
  path: "/accounts/{id}/team/{role}",
  tags: ["Lifecycle"],
  summary: "A-3 / A-5: assign (or empty, with null) a seat on the account team; the new TA is notified",
  request: {
    params: accountIdParam.extend({
      role: z.enum(teamRoles).openapi({ param: { name: "role", in: "path" } }),
    }),
    headers: ifMatchHeaders,
    body: {
      required: true,
      content: { "application/json": { schema: z.strictObject({ userId: z.string().min(1).nullable() }) } },
    },
  },
  responses: { 200: jsonResponse(accountSchema, "The account"), ...writeErrors },
});

export const lifecycleRoutes = createRouter()
  .openapi(stageHistoryRoute, async (c) => {
    const { id } = c.req.valid("param");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json(await getStageHistory(serviceContext(c), { accountId: id }), 200);
  })
  .openapi(supportLevelRoute, async (c) => {
    const { id } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const account = await setSupportLevel(serviceContext(c), {
      accountId: id,
      supportLevel: c.req.valid("json").supportLevel,
      expectedVersion,
    });
    c.header("ETag", etag(account.version));
    return c.json(account, 200);
  })
  .openapi(teamRoute, async (c) => {
    const { id, role } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const account = await assignTeamSeat(serviceContext(c), {
      accountId: id,
      role,
      userId: c.req.valid("json").userId,
      expectedVersion,
    });
    c.header("ETag", etag(account.version));
    return c.json(account, 200);
  });
