import { createRoute, z } from "@hono/zod-openapi";
import { schema } from "@keel/db";
import { nonEmptyPatch, requiredTextSchema, wholeNumberParamSchema } from "@keel/domain";
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  retryWebhookDelivery,
  updateWebhookSubscription,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter } from "../http/router.ts";

const tags = ["Webhooks"];

export const webhookSubscriptionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("WebhookSubscription");

const deliveryStatusSchema = z.enum(schema.webhookDeliveryStatuses);

export const webhookDeliverySchema = z
  .object({
    id: z.number().int(),
    subscriptionId: z.uuid(),
    eventType: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The body sent: { text, event: { type, … } } (chat-compatible)" }),
    firingKey: z.string().nullable(),
    status: deliveryStatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

const fields = {
  name: requiredTextSchema(100),
  // Receivers are web endpoints (Slack, Mattermost, Teams, an in-house service): http(s) only.
  // Where they may be is the services' target policy (422): https to public addresses, http
  // only to the hosts allowed for local testing.
  url: z
    .url({ protocol: /^https?$/, error: "Must be an http:// or https:// URL" })
    .max(2000)
    .openapi({
      description:
        "https:// to a public address; http:// and private addresses only for hosts in KEEL_WEBHOOK_ALLOWED_HOSTS",
    }),
  eventTypes: z
    .array(requiredTextSchema(100))
    .min(1)
    .max(100)
    .openapi({ description: 'Event types to receive, e.g. "account.closed"; "*" for all' }),
  active: z.boolean(),
};

const json = <T extends z.ZodType>(body: T) => ({
  required: true,
  content: { "application/json": { schema: body } },
});
const ok = <T extends z.ZodType>(description: string, body: T) => ({
  description,
  content: { "application/json": { schema: body } },
});
const subscriptionParams = z.object({ id: z.uuid() });

const listRoute = createRoute({
  method: "get",
  path: "/webhooks",
  tags,
  summary: "Webhook subscriptions (admin)",
  responses: {
    200: ok("Subscriptions, newest first", z.object({ items: z.array(webhookSubscriptionSchema) })),
    ...errorResponses,
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/webhooks",
  tags,
  summary: "Subscribe a URL to event types (admin); events arrive as chat-compatible JSON",
  request: {
    body: json(
      z.strictObject({ ...fields, active: fields.active.optional() }).openapi("WebhookSubscriptionCreate"),
    ),
  },
  responses: {
    201: ok("The subscription", webhookSubscriptionSchema),
    422: ok("The URL points somewhere webhooks may not go", errorBodySchema),
    ...errorResponses,
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/webhooks/{id}",
  tags,
  summary: "Change a subscription (admin): pause it, rename it, move it, change its event types",
  request: {
    params: subscriptionParams,
    body: json(nonEmptyPatch(z.strictObject(fields).partial()).openapi("WebhookSubscriptionPatch")),
  },
  responses: {
    200: ok("The subscription", webhookSubscriptionSchema),
    422: ok("The URL points somewhere webhooks may not go", errorBodySchema),
    ...errorResponses,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/webhooks/{id}",
  tags,
  summary: "Delete a subscription and its deliveries (admin)",
  request: { params: subscriptionParams },
  responses: { 200: ok("The deleted subscription", webhookSubscriptionSchema), ...errorResponses },
});

const listDeliveriesRoute = createRoute({
  method: "get",
  path: "/webhooks/deliveries",
  tags,
  summary: "Webhook deliveries (admin), newest first",
  request: {
    query: z.object({
      status: deliveryStatusSchema.optional(),
      subscriptionId: z.uuid().optional(),
      limit: wholeNumberParamSchema({ min: 1, max: 500 }).default(100),
    }),
  },
  responses: {
    200: ok("Deliveries, newest first", z.object({ items: z.array(webhookDeliverySchema) })),
    ...errorResponses,
  },
});

const retryDeliveryRoute = createRoute({
  method: "post",
  path: "/webhooks/deliveries/{id}/retry",
  tags,
  summary: "Send a dead or pending delivery again now (admin); its attempt count is kept",
  // Delivery ids are bigserial: any safe integer may name one.
  request: { params: z.object({ id: wholeNumberParamSchema({ min: 1, column: "bigint" }) }) },
  responses: {
    200: ok("The delivery, pending", webhookDeliverySchema),
    409: ok("Delivered already", errorBodySchema),
    ...errorResponses,
  },
});

export const webhookRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    return c.json({ items: await listWebhookSubscriptions(serviceContext(c)) }, 200);
  })
  .openapi(createRouteDef, async (c) => {
    const created = await createWebhookSubscription(serviceContext(c), {
      ...c.req.valid("json"),
      targets: c.get("webhookTargets"),
    });
    return c.json(created, 201);
  })
  .openapi(updateRoute, async (c) => {
    const updated = await updateWebhookSubscription(serviceContext(c), {
      id: c.req.valid("param").id,
      patch: c.req.valid("json"),
      targets: c.get("webhookTargets"),
    });
    return c.json(updated, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const deleted = await deleteWebhookSubscription(serviceContext(c), { id: c.req.valid("param").id });
    return c.json(deleted, 200);
  })
  .openapi(listDeliveriesRoute, async (c) => {
    const items = await listWebhookDeliveries(serviceContext(c), c.req.valid("query"));
    return c.json({ items }, 200);
  })
  .openapi(retryDeliveryRoute, async (c) => {
    const retried = await retryWebhookDelivery(serviceContext(c), { id: c.req.valid("param").id });
    return c.json(retried, 200);
  });
