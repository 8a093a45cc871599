import { createRoute, z } from "@hono/zod-openapi";
import {
  contactListItemSchema,
  contactRoleSchema,
  contactSchema,
  nonEmptyPatch,
  requiredTextSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import { listContacts, updateContact } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, parseIfMatch } from "../http/router.ts";

const listQuery = z.object({
  missingRoles: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .openapi({ description: "Only contacts with no role tagged (C-4)" }),
  ta: z.string().max(100).optional().openapi({ description: 'Accounts of this TA: a user id or "mine"' }),
  accountId: z.uuid().optional(),
  q: z.string().max(200).optional(),
  page: wholeNumberParamSchema({ min: 1 }).default(1),
  pageSize: wholeNumberParamSchema({ min: 1, max: 500 }).default(100),
});

const contactPatchSchema = nonEmptyPatch(
  z.strictObject({
    name: requiredTextSchema(200).optional(),
    title: z.string().max(200).trim().nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    roles: z.array(contactRoleSchema).max(7).optional(),
    instanceAdmin: z.boolean().optional(),
  }),
  "Send at least one field to change",
).openapi("ContactPatch");

const listRoute = createRoute({
  method: "get",
  path: "/contacts",
  tags: ["Contacts"],
  summary: "Contacts across accounts, e.g. the tagging backlog (missingRoles=true)",
  request: { query: listQuery },
  responses: {
    200: {
      description: "A page of contacts, ordered by account",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(contactListItemSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/contacts/{id}",
  tags: ["Contacts"],
  summary: "Edit a contact's card and role tags (C-1, C-2); needs If-Match",
  request: {
    params: z.object({ id: z.uuid() }),
    headers: ifMatchHeaders,
    body: { required: true, content: { "application/json": { schema: contactPatchSchema } } },
  },
  responses: {
    200: { description: "The updated contact", content: { "application/json": { schema: contactSchema } } },
    ...errorResponses,
    412: { description: "Stale version", content: { "application/json": { schema: errorBodySchema } } },
    428: { description: "If-Match missing", content: { "application/json": { schema: errorBodySchema } } },
  },
});

export const contactRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const taUserId = query.ta === "mine" ? c.get("user").id : query.ta;
    const page = await listContacts(serviceContext(c), {
      missingRoles: query.missingRoles,
      taUserId,
      accountId: query.accountId,
      search: query.q,
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(page, 200);
  })
  .openapi(patchRoute, async (c) => {
    const { id } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const patch = c.req.valid("json");
    const contact = await updateContact(serviceContext(c), { contactId: id, expectedVersion, ...patch });
    c.header("ETag", etag(contact.version));
    return c.json(contact, 200);
  });
