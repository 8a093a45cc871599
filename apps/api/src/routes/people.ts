import { createRoute, z } from "@hono/zod-openapi";
import { can, globalActions, sessionUserSchema, userRoleSchema } from "@keel/domain";
import { listUsers } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorResponses } from "../http/errors.ts";
import { createRouter } from "../http/router.ts";

const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags: ["People"],
  summary: "The signed-in user, their roles and what they may do outside any one account",
  responses: {
    200: {
      description: "You",
      content: {
        "application/json": {
          schema: z.object({ user: sessionUserSchema, permissions: z.array(z.enum(globalActions)) }),
        },
      },
    },
    ...errorResponses,
  },
});

const usersRoute = createRoute({
  method: "get",
  path: "/users",
  tags: ["People"],
  summary: "People, optionally by role (pickers and filters)",
  request: { query: z.object({ role: userRoleSchema.optional() }) },
  responses: {
    200: {
      description: "Users",
      content: {
        "application/json": {
          schema: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                email: z.string(),
                roles: z.array(userRoleSchema),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export const peopleRoutes = createRouter()
  .openapi(meRoute, (c) => {
    const user = c.get("user");
    return c.json({ user, permissions: globalActions.filter((action) => can(user, action)) }, 200);
  })
  .openapi(usersRoute, async (c) => {
    const { role } = c.req.valid("query");
    return c.json({ items: await listUsers(serviceContext(c), { role }) }, 200);
  });
