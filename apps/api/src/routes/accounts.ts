import { createRoute, z } from "@hono/zod-openapi";
import {
  accountActions,
  accountSchema,
  accountSortSchema,
  accountSummarySchema,
  allowedAccountActions,
  calendarDateSchema,
  contactSchema,
  healthCategorySchema,
  lifecycleStageSchema,
  segmentSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import { authorizeAccount, getAccount, listAccountContacts, listAccounts } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorResponses } from "../http/errors.ts";
import { createRouter, todayOf } from "../http/router.ts";

const accountIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const listAccountsQuerySchema = z.object({
  ta: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Assigned TA: a user id, "mine" (the signed-in user) or "none" (no TA yet)' }),
  segment: segmentSchema.optional(),
  stage: lifecycleStageSchema.optional(),
  renewalFrom: calendarDateSchema
    .optional()
    .openapi({ description: "Renewal date on or after (YYYY-MM-DD)" }),
  renewalTo: calendarDateSchema.optional().openapi({ description: "Renewal date on or before (YYYY-MM-DD)" }),
  renewalWithinDays: wholeNumberParamSchema({ min: 0, max: 3650 })
    .optional()
    .openapi({ description: "Renewing between today and today + N days" }),
  q: z.string().max(200).optional().openapi({ description: "Account name contains" }),
  health: healthCategorySchema
    .optional()
    .openapi({ description: 'Health category (H-3); "unknown" includes accounts not scored yet' }),
  sort: accountSortSchema.default("name").openapi({ description: '"health" sorts by health score' }),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: wholeNumberParamSchema({ min: 1 }).default(1),
  pageSize: wholeNumberParamSchema({ min: 1, max: 500 }).default(50),
});

export const accountPageSchema = z
  .object({
    items: z.array(accountSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("AccountPage");

export const accountDetailSchema = z
  .object({
    account: accountSchema,
    /** What the signed-in user may do here (SPEC §1), so the UI offers only that. */
    permissions: z.array(z.enum(accountActions)),
  })
  .openapi("AccountDetail");

const listRoute = createRoute({
  method: "get",
  path: "/accounts",
  tags: ["Accounts"],
  summary: "Book of business: accounts, filtered, sorted and paged",
  request: { query: listAccountsQuerySchema },
  responses: {
    200: {
      description: "A page of accounts",
      content: { "application/json": { schema: accountPageSchema } },
    },
    ...errorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/accounts/{id}",
  tags: ["Accounts"],
  summary: "One account with every A-1 field, its team and your permissions on it",
  request: { params: accountIdParam },
  responses: {
    200: { description: "The account", content: { "application/json": { schema: accountDetailSchema } } },
    ...errorResponses,
  },
});

const contactsRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/contacts",
  tags: ["Contacts"],
  summary: "The account's contacts with their roles",
  request: { params: accountIdParam },
  responses: {
    200: {
      description: "Contacts",
      content: { "application/json": { schema: z.object({ items: z.array(contactSchema) }) } },
    },
    ...errorResponses,
  },
});

export const accountRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const { now } = c.get("deps");
    const user = c.get("user");
    const today = todayOf(now());
    const taUserId = query.ta === "mine" ? user.id : query.ta === "none" ? null : query.ta;
    let renewalTo = query.renewalTo;
    let renewalFrom = query.renewalFrom;
    if (query.renewalWithinDays !== undefined) {
      renewalFrom = renewalFrom ?? today;
      const limit = new Date(Date.parse(`${today}T00:00:00Z`) + query.renewalWithinDays * 86_400_000);
      renewalTo = renewalTo ?? todayOf(limit);
    }
    const page = await listAccounts(serviceContext(c), {
      taUserId,
      segment: query.segment,
      stage: query.stage,
      renewalFrom,
      renewalTo,
      search: query.q,
      health: query.health,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
      today,
    });
    return c.json(page, 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    const assignments = await authorizeAccount(c.get("deps").db, user, "account.read", id);
    const account = await getAccount(serviceContext(c), { accountId: id });
    c.header("ETag", `"${account.version}"`);
    return c.json({ account, permissions: allowedAccountActions(user, assignments) }, 200);
  })
  .openapi(contactsRoute, async (c) => {
    const { id } = c.req.valid("param");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json({ items: await listAccountContacts(serviceContext(c), { accountId: id }) }, 200);
  });
