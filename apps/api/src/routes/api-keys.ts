import { createRoute, z } from "@hono/zod-openapi";
import { apiKeyScopeSchema, requiredTextSchema } from "@keel/domain";
import { createApiKey, listApiKeys, revokeApiKey } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorResponses } from "../http/errors.ts";
import { createRouter } from "../http/router.ts";

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z
      .string()
      .openapi({ description: "The public part of the key (keel_<prefix>_…), to recognise it" }),
    scopes: z.array(apiKeyScopeSchema),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("ApiKey");

const createRouteDef = createRoute({
  method: "post",
  path: "/api-keys",
  tags: ["API keys"],
  summary: "Create an API key for a feed (admin); the key is in this answer only",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              name: requiredTextSchema(100),
              scopes: z.array(apiKeyScopeSchema).min(1),
            })
            .openapi("ApiKeyCreate"),
        },
      },
    },
  },
  responses: {
    201: {
      description: "The key: store it now, it is not shown again",
      content: {
        "application/json": {
          schema: z
            .object({
              apiKey: apiKeySchema,
              key: z.string().openapi({ description: "keel_<prefix>_<secret>" }),
            })
            .openapi("ApiKeyCreated"),
        },
      },
    },
    ...errorResponses,
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/api-keys",
  tags: ["API keys"],
  summary: "API keys (admin); never the secrets",
  responses: {
    200: {
      description: "Keys, newest first",
      content: { "application/json": { schema: z.object({ items: z.array(apiKeySchema) }) } },
    },
    ...errorResponses,
  },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/api-keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key (admin): its next request is 401",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: "The revoked key", content: { "application/json": { schema: apiKeySchema } } },
    ...errorResponses,
  },
});

export const apiKeyRoutes = createRouter()
  .openapi(createRouteDef, async (c) => {
    const created = await createApiKey(serviceContext(c), c.req.valid("json"));
    return c.json(created, 201);
  })
  .openapi(listRoute, async (c) => {
    return c.json({ items: await listApiKeys(serviceContext(c)) }, 200);
  })
  .openapi(revokeRoute, async (c) => {
    const revoked = await revokeApiKey(serviceContext(c), { id: c.req.valid("param").id });
    return c.json(revoked, 200);
  });
