import { createRoute, z } from "@hono/zod-openapi";
import {
  calendarDateSchema,
  playbookActionSchema,
  playbookConditionSchema,
  playbookExportSchema,
  playbookSchema,
  playbookTriggerSchema,
  requiredTextSchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import {
  authorizeAccount,
  authorizeGlobal,
  dryRunPlaybooks,
  exportPlaybookCatalog,
  getPlaybook,
  importPlaybooks,
  listPlaybookFirings,
  listPlaybooks,
  savePlaybook,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, jsonResponse, readJsonBody, todayOf } from "../http/router.ts";

const playbookIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case")
    .openapi({ param: { name: "id", in: "path" } }),
});

const versionInfoSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

const playbookEditSchema = z
  .strictObject({
    name: requiredTextSchema(200),
    ruleId: requiredTextSchema(100),
    source: z.string().max(200).default(""),
    enabled: z.boolean().default(true),
    triggers: z.array(playbookTriggerSchema).min(1).max(20),
    conditions: z.array(playbookConditionSchema).max(20).default([]),
    actions: z.array(playbookActionSchema).min(1).max(30),
  })
  .openapi("PlaybookEdit");

const dryRunItemSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  playbookId: z.string(),
  playbookVersion: z.number().int(),
  ruleId: z.string(),
  occurrence: z.string(),
  occurrenceKey: z.string(),
  action: playbookActionSchema,
  summary: z.string(),
  reason: z.string(),
  alreadyFired: z.boolean(),
});

const firingSchema = z.object({
  occurrenceKey: z.string(),
  playbookId: z.string(),
  playbookVersion: z.number().int(),
  ruleId: z.string(),
  accountId: z.uuid(),
  accountName: z.string(),
  occurrence: z.string(),
  action: playbookActionSchema,
  summary: z.string(),
  reason: z.string(),
  outcome: z.record(z.string(), z.unknown()),
  firedAt: z.string(),
});

const listRoute = createRoute({
  method: "get",
  path: "/playbooks",
  tags: ["Playbooks"],
  summary: "The playbooks that run (newest version of each) with their version counts",
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(playbookSchema.extend({ versions: z.number().int(), updatedAt: z.string() })),
      }),
      "Playbooks",
    ),
    ...errorResponses,
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/playbooks/{id}",
  tags: ["Playbooks"],
  summary: "A playbook (newest version, or ?version=N) and its version history (X-3)",
  request: {
    params: playbookIdParam,
    query: z.object({ version: wholeNumberParamSchema({ min: 1 }).optional() }),
  },
  responses: {
    200: jsonResponse(
      z.object({ playbook: playbookSchema, versions: z.array(versionInfoSchema) }),
      "The playbook",
    ),
    ...errorResponses,
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/playbooks/{id}",
  tags: ["Playbooks"],
  summary: "Save a playbook as its next version (admin); what older versions fired keeps their version",
  request: {
    params: playbookIdParam,
    body: { required: true, content: { "application/json": { schema: playbookEditSchema } } },
  },
  responses: {
    200: jsonResponse(
      z.object({ playbook: playbookSchema, created: z.boolean() }),
      "Saved (created: false when nothing changed)",
    ),
    ...errorResponses,
    422: jsonResponse(errorBodySchema, "Names templates that do not exist"),
  },
});

const dryRunRoute = createRoute({
  method: "get",
  path: "/playbooks/dry-run",
  tags: ["Playbooks"],
  summary: "X-1: what would fire today (or on ?date) and why, without doing it",
  request: {
    query: z.object({
      accountId: z.uuid().optional(),
      scope: z.enum(["book", "mine"]).default("mine").openapi({
        description: "mine: accounts where you hold a seat; book: every account (managers)",
      }),
      date: calendarDateSchema.optional(),
      includeFired: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        today: z.string(),
        accounts: z.number().int(),
        items: z.array(dryRunItemSchema),
        stageChanges: z.array(
          z.object({
            accountId: z.uuid(),
            accountName: z.string(),
            from: z.string(),
            to: z.string(),
            ruleId: z.string(),
            reason: z.string(),
          }),
        ),
      }),
      "The plan",
    ),
    ...errorResponses,
  },
});

const firingsRoute = createRoute({
  method: "get",
  path: "/playbooks/firings",
  tags: ["Playbooks"],
  summary: "What playbooks did, newest first (per account or per playbook)",
  request: {
    query: z.object({
      accountId: z.uuid().optional(),
      playbookId: z.string().max(100).optional(),
      limit: wholeNumberParamSchema({ min: 1, max: 500 }).default(100),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(firingSchema) }), "Firings"), ...errorResponses },
});

const exportRoute = createRoute({
  method: "get",
  path: "/playbooks/export",
  tags: ["Playbooks"],
  summary: "X-8: every playbook and template (newest versions) as one versioned JSON file",
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), "The export file"), ...errorResponses },
});

const importRoute = createRoute({
  method: "post",
  path: "/playbooks/import",
  tags: ["Playbooks"],
  summary: "X-8: import playbooks and templates; invalid files are rejected whole with every error's path",
  request: {
    // The file's schema, as documentation: the service reads the file itself, so that an invalid
    // one is refused whole with every error's path, not the first few the validator saw.
    body: {
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/PlaybookExport" } } },
    },
  },
  responses: {
    200: jsonResponse(
      z.object(
        Object.fromEntries(
          ["playbooks", "documentTemplates", "projectTemplates"].map((k) => [
            k,
            z.object({ added: z.array(z.string()), unchanged: z.array(z.string()) }),
          ]),
        ) as Record<
          "playbooks" | "documentTemplates" | "projectTemplates",
          z.ZodObject<{ added: z.ZodArray<z.ZodString>; unchanged: z.ZodArray<z.ZodString> }>
        >,
      ),
      "What was added as a new version and what was unchanged",
    ),
    ...errorResponses,
    422: jsonResponse(
      errorBodySchema,
      "Parts of the file refer to templates it does not hold; nothing imported",
    ),
  },
});

export const playbookRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listPlaybooks(serviceContext(c)) }, 200))
  .openapi(dryRunRoute, async (c) => {
    const { db } = c.get("deps");
    const user = c.get("user");
    const query = c.req.valid("query");
    if (query.accountId) await authorizeAccount(db, user, "account.read", query.accountId);
    else if (query.scope === "book") authorizeGlobal(user, "report.viewTeam");
    const plan = await dryRunPlaybooks(serviceContext(c), {
      accountId: query.accountId,
      scope: query.scope,
      date: query.date,
      includeFired: query.includeFired,
    });
    return c.json(plan, 200);
  })
  .openapi(firingsRoute, async (c) => {
    const query = c.req.valid("query");
    if (query.accountId) {
      await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", query.accountId);
    } else authorizeGlobal(c.get("user"), "report.viewTeam");
    return c.json({ items: await listPlaybookFirings(serviceContext(c), query) }, 200);
  })
  .openapi(exportRoute, async (c) => {
    const ctx = serviceContext(c);
    const file = await exportPlaybookCatalog(ctx);
    c.header("Content-Disposition", `attachment; filename="keel-playbooks-${todayOf(ctx.now)}.json"`);
    return c.json(file as Record<string, unknown>, 200);
  })
  .openapi(importRoute, async (c) =>
    c.json(await importPlaybooks(serviceContext(c), { file: await readJsonBody(c) }), 200),
  )
  .openapi(detailRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await getPlaybook(serviceContext(c), { id, version: c.req.valid("query").version }), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await savePlaybook(serviceContext(c), { id, input: c.req.valid("json") }), 200);
  });

const { $schema: _dialect, ...playbookExportJsonSchema } = z.toJSONSchema(playbookExportSchema, {
  io: "input",
  unrepresentable: "any",
});
playbookRoutes.openAPIRegistry.registerComponent(
  "schemas",
  "PlaybookExport",
  playbookExportJsonSchema as never,
);
