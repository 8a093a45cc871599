import { createRoute, z } from "@hono/zod-openapi";
import { wholeNumberParamSchema } from "@keel/domain";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorResponses } from "../http/errors.ts";
import { createRouter } from "../http/router.ts";

export const notificationSchema = z
  .object({
    id: z.number().int(),
    message: z.string(),
    accountId: z.uuid().nullable(),
    accountName: z.string().nullable(),
    ruleId: z.string().nullable().openapi({ description: "The rule whose playbook sent it (X-1)" }),
    reason: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

const unreadSchema = z.object({ unread: z.number().int() }).openapi("UnreadCount");

const listRoute = createRoute({
  method: "get",
  path: "/notifications",
  tags: ["Notifications"],
  summary: "Your in-product notifications (SPEC §12), newest first",
  request: {
    query: z.object({
      unread: z
        .enum(["true", "false"])
        .optional()
        .transform((v) => v === "true")
        .openapi({ description: "Only the unread ones" }),
      page: wholeNumberParamSchema({ min: 1 }).default(1),
      pageSize: wholeNumberParamSchema({ min: 1, max: 200 }).default(50),
    }),
  },
  responses: {
    200: {
      description: "A page of notifications",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() })
            .openapi("NotificationPage"),
        },
      },
    },
    ...errorResponses,
  },
});

const unreadCountRoute = createRoute({
  method: "get",
  path: "/notifications/unread-count",
  tags: ["Notifications"],
  summary: "How many of your notifications are unread",
  responses: {
    200: { description: "The count", content: { "application/json": { schema: unreadSchema } } },
    ...errorResponses,
  },
});

const readRoute = createRoute({
  method: "post",
  path: "/notifications/{id}/read",
  tags: ["Notifications"],
  summary: "Mark one of your notifications read",
  request: {
    params: z.object({
      // Notification ids are bigserial: any safe integer may name one.
      id: wholeNumberParamSchema({ min: 1, column: "bigint" }).openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The notification", content: { "application/json": { schema: notificationSchema } } },
    ...errorResponses,
  },
});

const readAllRoute = createRoute({
  method: "post",
  path: "/notifications/read-all",
  tags: ["Notifications"],
  summary: "Mark all your notifications read",
  responses: {
    200: {
      description: "How many were marked",
      content: {
        "application/json": { schema: z.object({ marked: z.number().int(), unread: z.number().int() }) },
      },
    },
    ...errorResponses,
  },
});

export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await listNotifications(serviceContext(c), {
      unreadOnly: query.unread,
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(page, 200);
  })
  .openapi(unreadCountRoute, async (c) =>
    c.json({ unread: await countUnreadNotifications(serviceContext(c)) }, 200),
  )
  .openapi(readRoute, async (c) => {
    const { id } = c.req.valid("param");
    const notification = await markNotificationRead(serviceContext(c), { notificationId: id });
    return c.json(notification, 200);
  })
  .openapi(readAllRoute, async (c) => {
    const result = await markAllNotificationsRead(serviceContext(c));
    return c.json(result, 200);
  });
