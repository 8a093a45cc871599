import { createRoute, z } from "@hono/zod-openapi";
import { documentTemplateSchema, documentVariables } from "@keel/domain";
import { getTemplate, getTemplateVersion, listTemplates, ServiceError, saveTemplate } from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses } from "../http/errors.ts";
import { createRouter, versionPathParam } from "../http/router.ts";
import { personRefSchema } from "./tasks.ts";

// Domain schemas are used as they are (see routes/policies.ts): `.openapi()` only on schemas made here.
const templateBodySchema = documentTemplateSchema.omit({ version: true });

const templateSectionSchema = z.object({ id: z.string(), heading: z.string(), body: z.string() });

const templateVersionFields = {
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  source: z.string(),
  title: z.string(),
  sections: z.array(templateSectionSchema),
  createdAt: z.string(),
  createdBy: personRefSchema.nullable(),
};

export const templateVersionSchema = z.object(templateVersionFields).openapi("DocumentTemplateVersion");

export const templateDetailSchema = z
  .object({
    ...templateVersionFields,
    versions: z
      .array(
        z.object({ version: z.number().int(), createdAt: z.string(), createdBy: personRefSchema.nullable() }),
      )
      .openapi({ description: "Every version, newest first" }),
  })
  .openapi("DocumentTemplate");

export const templateSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int().openapi({ description: "The newest version" }),
    source: z.string(),
    sectionCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("DocumentTemplateSummary");

const templateIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case")
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});

const listRoute = createRoute({
  method: "get",
  path: "/templates",
  tags: ["Templates"],
  summary: "Document templates (M-2): the newest version of each, by name",
  responses: {
    200: {
      description: "The templates",
      content: { "application/json": { schema: z.array(templateSummarySchema) } },
    },
    ...errorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/templates/{id}",
  tags: ["Templates"],
  summary: "A template's newest version, with the list of its versions",
  request: { params: templateIdParam },
  responses: {
    200: { description: "The template", content: { "application/json": { schema: templateDetailSchema } } },
    ...errorResponses,
  },
});

const versionRoute = createRoute({
  method: "get",
  path: "/templates/{id}/versions/{version}",
  tags: ["Templates"],
  summary: "One version of a template",
  request: {
    params: templateIdParam.extend({
      version: versionPathParam,
    }),
  },
  responses: {
    200: {
      description: "The version",
      content: { "application/json": { schema: templateVersionSchema } },
    },
    ...errorResponses,
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/templates/{id}",
  tags: ["Templates"],
  summary:
    "Save a template as its next version (admin, M-2); an unknown {{variable}} is refused with where it is",
  request: {
    params: templateIdParam,
    body: { required: true, content: { "application/json": { schema: templateBodySchema } } },
  },
  responses: {
    200: {
      description: "The template with the new version",
      content: { "application/json": { schema: templateDetailSchema } },
    },
    ...errorResponses,
    422: {
      description: "Unknown variables, as details [{ path, message }]",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

const variablesRoute = createRoute({
  method: "get",
  path: "/template-variables",
  tags: ["Templates"],
  summary: "The {{variables}} a document template may use (M-2)",
  responses: {
    200: {
      description: "Variable names",
      content: { "application/json": { schema: z.array(z.string()) } },
    },
    ...errorResponses,
  },
});

export const templateRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listTemplates(serviceContext(c)), 200))
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await getTemplate(serviceContext(c), { templateId: id }), 200);
  })
  .openapi(versionRoute, async (c) => {
    const { id, version } = c.req.valid("param");
    return c.json(await getTemplateVersion(serviceContext(c), { templateId: id, version }), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { id } = c.req.valid("param");
    const template = c.req.valid("json");
    if (template.id !== id) {
      const message = `must be the template's id in the path (${id})`;
      // Well-formed, but not this template: the document cannot say "equal to the path", so 422.
      throw new ServiceError("unprocessable", `Invalid input: id: ${message}`, [{ path: "id", message }]);
    }
    const saved = await saveTemplate(serviceContext(c), { template });
    return c.json(saved, 200);
  })
  .openapi(variablesRoute, async (c) => c.json([...documentVariables], 200));
