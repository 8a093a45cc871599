import { createRoute, z } from "@hono/zod-openapi";
import { calendarDateSchema } from "@keel/domain";
import { authorizeAccount, createProject, listAccountProjects, listProjectTemplates } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, todayOf } from "../http/router.ts";
import { personRefSchema, taskViewSchema, workOriginSchema } from "./tasks.ts";

export const projectViewSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    name: z.string(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    owner: personRefSchema.nullable(),
    startDate: z.iso.date(),
    origin: workOriginSchema,
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    tasks: z.array(taskViewSchema),
    createdAt: z.string(),
  })
  .openapi("Project");

const projectTemplateViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    tasks: z.array(
      z.object({
        title: z.string(),
        role: z.string().openapi({ description: "The team seat the task goes to" }),
        dueInDays: z.number().int().openapi({ description: "Days after the project's start" }),
      }),
    ),
  })
  .openapi("ProjectTemplate");

const accountIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const listRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/projects",
  tags: ["Projects"],
  summary: "An account's projects (M-1) with their tasks and progress",
  request: { params: accountIdParam },
  responses: {
    200: {
      description: "Projects, oldest first",
      content: { "application/json": { schema: z.array(projectViewSchema) } },
    },
    ...errorResponses,
  },
});

const createProjectRoute = createRoute({
  method: "post",
  path: "/accounts/{id}/projects",
  tags: ["Projects"],
  summary: "Start a project from the newest version of a project template (M-1)",
  request: {
    params: accountIdParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              templateId: z.string().min(1).max(100),
              startDate: calendarDateSchema.optional().openapi({ description: "Default: today" }),
            })
            .openapi("ProjectCreate"),
        },
      },
    },
  },
  responses: {
    201: { description: "The project", content: { "application/json": { schema: projectViewSchema } } },
    ...errorResponses,
    422: { description: "Unknown template", content: { "application/json": { schema: errorBodySchema } } },
  },
});

const templatesRoute = createRoute({
  method: "get",
  path: "/project-templates",
  tags: ["Projects"],
  summary: "The newest version of each project template (M-1)",
  responses: {
    200: {
      description: "Project templates by name",
      content: { "application/json": { schema: z.array(projectTemplateViewSchema) } },
    },
    ...errorResponses,
  },
});

export const projectRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { now } = c.get("deps");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json(
      await listAccountProjects(serviceContext(c), { accountId: id, today: todayOf(now()) }),
      200,
    );
  })
  .openapi(createProjectRoute, async (c) => {
    const { id } = c.req.valid("param");
    const project = await createProject(serviceContext(c), { accountId: id, ...c.req.valid("json") });
    return c.json(project, 201);
  })
  .openapi(templatesRoute, async (c) => {
    return c.json(await listProjectTemplates(serviceContext(c)), 200);
  });
