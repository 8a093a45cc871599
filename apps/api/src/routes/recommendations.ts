import { createRoute, z } from "@hono/zod-openapi";
import { healthCategorySchema } from "@keel/domain";
import {
  authorizeAccount,
  authorizeGlobal,
  getAccountRecommendations,
  listComplianceLists,
  listTaRecommendations,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorResponses } from "../http/errors.ts";
import { createRouter, jsonResponse } from "../http/router.ts";

const recommendationSchema = z.object({
  ruleId: z.string(),
  relatedRuleIds: z.array(z.string()),
  reason: z.string(),
  action: z.string(),
  link: z.object({ accountId: z.uuid(), section: z.string() }),
});
const groupSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  renewalDate: z.string().nullable(),
  healthCategory: healthCategorySchema.nullable(),
  recommendations: z.array(recommendationSchema),
});

const mineRoute = createRoute({
  method: "get",
  path: "/recommendations",
  tags: ["Recommendations"],
  summary: 'SPEC §10 "What should I be doing?" for a TA\'s book, grouped by account',
  request: {
    query: z.object({
      ta: z.string().max(100).default("me").openapi({ description: 'A TA\'s user id, or "me"' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ groups: z.array(groupSchema), accounts: z.number().int() }), "Groups"),
    ...errorResponses,
  },
});

const accountRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/recommendations",
  tags: ["Recommendations"],
  summary: "SPEC §10 for one account",
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: { 200: jsonResponse(groupSchema, "Recommendations"), ...errorResponses },
});

const complianceItemSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  ta: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string(),
  daysLate: z.number().int(),
  detail: z.string(),
});

const complianceRoute = createRoute({
  method: "get",
  path: "/compliance",
  tags: ["Recommendations"],
  summary: "X-6: the handbook's SLAs, each a live list of who is late (managers)",
  request: { query: z.object({ ta: z.string().max(100).optional() }) },
  responses: {
    200: jsonResponse(
      z.object({
        today: z.string(),
        lists: z.array(
          z.object({
            id: z.enum([
              "contacts-not-tagged",
              "not-contacted",
              "traits-not-refreshed",
              "missed-handoff-steps",
              "save-plans-not-updated",
              "lighthouse-updates-late",
            ]),
            ruleIds: z.array(z.string()),
            title: z.string(),
            sla: z.string(),
            items: z.array(complianceItemSchema),
          }),
        ),
      }),
      "Lists",
    ),
    ...errorResponses,
  },
});

export const recommendationRoutes = createRouter()
  .openapi(mineRoute, async (c) => {
    const user = c.get("user");
    const { ta } = c.req.valid("query");
    const userId = ta === "me" ? user.id : ta;
    // Another TA's list is a team view (SPEC §11 manager views).
    if (userId !== user.id) authorizeGlobal(user, "report.viewTeam");
    return c.json(await listTaRecommendations(serviceContext(c), { userId }), 200);
  })
  .openapi(accountRoute, async (c) => {
    const { id } = c.req.valid("param");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json(await getAccountRecommendations(serviceContext(c), { accountId: id }), 200);
  })
  .openapi(complianceRoute, async (c) => {
    const user = c.get("user");
    const { ta } = c.req.valid("query");
    if (ta !== user.id) authorizeGlobal(user, "report.viewTeam");
    return c.json(await listComplianceLists(serviceContext(c), { ta }), 200);
  });
