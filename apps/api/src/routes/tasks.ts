import { createRoute, z } from "@hono/zod-openapi";
import { calendarDateSchema, nonEmptyPatch, requiredTextSchema, wholeNumberParamSchema } from "@keel/domain";
import { authorizeAccount, authorizeWorkListOf, createTask, listTasks, updateTask } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, parseIfMatch, todayOf } from "../http/router.ts";

export const personRefSchema = z.object({ id: z.string(), name: z.string() }).openapi("PersonRef");

export const workOriginSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("playbook"),
      playbookId: z.string().nullable(),
      playbookVersion: z.number().int().nullable(),
      ruleId: z.string().nullable(),
      reason: z
        .string()
        .nullable()
        .openapi({ description: "The rule, trigger and data that fired it (X-1)" }),
    }),
    z.object({ kind: z.literal("person"), createdBy: personRefSchema.nullable() }),
  ])
  .openapi("WorkOrigin");

const taskStatusSchema = z.enum(["open", "done"]);

export const taskViewSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    projectId: z.uuid().nullable(),
    projectName: z.string().nullable(),
    documentId: z
      .uuid()
      .nullable()
      .openapi({ description: "The document the task is about (e.g. the Health Assessment to complete)" }),
    title: z.string(),
    notes: z.string().nullable(),
    assignee: personRefSchema.nullable(),
    role: z.string().nullable().openapi({ description: "The team seat a playbook or template named" }),
    dueDate: z.iso.date(),
    status: taskStatusSchema,
    overdue: z.boolean().openapi({ description: "Open and due before today" }),
    completedAt: z.string().nullable(),
    completedBy: personRefSchema.nullable(),
    source: z.enum(["playbook", "template", "person"]),
    origin: workOriginSchema,
    version: z.number().int().openapi({ description: "Send as If-Match when editing" }),
    createdAt: z.string(),
  })
  .openapi("Task");

const taskCountsSchema = z
  .object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    upcoming: z.number().int(),
  })
  .openapi({ description: "Open tasks for the same filters, by due date against today" });

export const taskPageSchema = z
  .object({ items: z.array(taskViewSchema), total: z.number().int(), counts: taskCountsSchema })
  .openapi("TaskPage");

const statusQuery = z
  .enum(["open", "done", "all"])
  .default("open")
  .openapi({ description: "open (default), done or all" });

const accountIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const taskIdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

// `.meta()`, not `.openapi()`: the domain's schema was made before zod was extended for OpenAPI.
const dueDateSchema = calendarDateSchema.meta({ description: "YYYY-MM-DD" });

const taskCreateSchema = z
  .strictObject({
    title: requiredTextSchema(300),
    notes: z.string().max(10_000).nullable().optional(),
    assigneeId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Someone with access to the account; default: you" }),
    dueDate: dueDateSchema,
  })
  .openapi("TaskCreate");

const taskPatchSchema = nonEmptyPatch(
  z.strictObject({
    title: requiredTextSchema(300).optional(),
    notes: z.string().max(10_000).nullable().optional(),
    assigneeId: z.string().min(1).max(100).nullable().optional(),
    dueDate: dueDateSchema.optional(),
    status: taskStatusSchema.optional().openapi({ description: "done completes the task, open reopens it" }),
  }),
  "Send at least one field to change",
).openapi("TaskPatch");

const myTasksRoute = createRoute({
  method: "get",
  path: "/tasks",
  tags: ["Tasks"],
  summary: 'M-1 "My tasks": overdue first (oldest first), then by due date, then title',
  request: {
    query: z.object({
      assignee: z
        .string()
        .max(100)
        .default("me")
        .openapi({ description: '"me" (default) or a user id; another person\'s list needs the team view' }),
      status: statusQuery,
      accountId: z.uuid().optional(),
      q: z.string().max(200).optional().openapi({ description: "In the title or the account's name" }),
      page: wholeNumberParamSchema({ min: 1 }).default(1),
      pageSize: wholeNumberParamSchema({ min: 1, max: 200 }).default(50),
    }),
  },
  responses: {
    200: { description: "A page of tasks", content: { "application/json": { schema: taskPageSchema } } },
    ...errorResponses,
  },
});

const accountTasksRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/tasks",
  tags: ["Tasks"],
  summary: "An account's tasks (M-1), overdue first",
  request: { params: accountIdParam, query: z.object({ status: statusQuery }) },
  responses: {
    200: { description: "The account's tasks", content: { "application/json": { schema: taskPageSchema } } },
    ...errorResponses,
  },
});

const createTaskRoute = createRoute({
  method: "post",
  path: "/accounts/{id}/tasks",
  tags: ["Tasks"],
  summary: "Add a task to an account (M-1, source person); the assignee must have access to it",
  request: {
    params: accountIdParam,
    body: { required: true, content: { "application/json": { schema: taskCreateSchema } } },
  },
  responses: {
    201: { description: "The task", content: { "application/json": { schema: taskViewSchema } } },
    ...errorResponses,
    422: {
      description: "The assignee has no access to the account, or does not exist",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

const patchTaskRoute = createRoute({
  method: "patch",
  path: "/tasks/{id}",
  tags: ["Tasks"],
  summary: "Edit, complete or reopen a task (M-1); needs If-Match (its version)",
  request: {
    params: taskIdParam,
    headers: ifMatchHeaders,
    body: { required: true, content: { "application/json": { schema: taskPatchSchema } } },
  },
  responses: {
    200: { description: "The task", content: { "application/json": { schema: taskViewSchema } } },
    ...errorResponses,
    412: { description: "Stale version", content: { "application/json": { schema: errorBodySchema } } },
    422: {
      description: "The new assignee has no access to the account",
      content: { "application/json": { schema: errorBodySchema } },
    },
    428: { description: "If-Match missing", content: { "application/json": { schema: errorBodySchema } } },
  },
});

/** An account's list shows every task on it; "My tasks" pages. */
const ACCOUNT_TASKS_LIMIT = 1000;

export const taskRoutes = createRouter()
  .openapi(myTasksRoute, async (c) => {
    const query = c.req.valid("query");
    const { now } = c.get("deps");
    const user = c.get("user");
    const assigneeId = query.assignee === "me" ? user.id : query.assignee;
    authorizeWorkListOf(user, assigneeId);
    const page = await listTasks(serviceContext(c), {
      assigneeId,
      accountId: query.accountId,
      status: query.status,
      search: query.q,
      today: todayOf(now()),
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(page, 200);
  })
  .openapi(accountTasksRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("query");
    const { now } = c.get("deps");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    const page = await listTasks(serviceContext(c), {
      accountId: id,
      status,
      today: todayOf(now()),
      page: 1,
      pageSize: ACCOUNT_TASKS_LIMIT,
    });
    return c.json(page, 200);
  })
  .openapi(createTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const task = await createTask(serviceContext(c), { accountId: id, ...c.req.valid("json") });
    c.header("ETag", etag(task.version));
    return c.json(task, 201);
  })
  .openapi(patchTaskRoute, async (c) => {
    const { id } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const task = await updateTask(serviceContext(c), { taskId: id, expectedVersion, ...c.req.valid("json") });
    c.header("ETag", etag(task.version));
    return c.json(task, 200);
  });
