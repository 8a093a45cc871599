import { createRoute, z } from "@hono/zod-openapi";
import { CONSISTENCY, requiredTextSchema } from "@keel/domain";
import {
  authorizeAccount,
  authorizeDocument,
  createDocument,
  getDocument,
  getDocumentVersion,
  listAccountDocuments,
  saveDocument,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses, inconsistentResponse } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, parseIfMatch, versionPathParam } from "../http/router.ts";
import { personRefSchema, workOriginSchema } from "./tasks.ts";

const sectionSchema = z.object({
  id: requiredTextSchema(100),
  heading: requiredTextSchema(300),
  body: z.string().max(100_000),
  prompt: z.string().max(2_000).optional().openapi({
    description: "The template's hint for an empty section (shown greyed, never part of the text)",
  }),
});

const documentSummaryFields = {
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  title: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  owner: personRefSchema.nullable(),
  version: z.number().int().openapi({ description: "The newest version: send as If-Match when saving" }),
  origin: workOriginSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const documentSummarySchema = z.object(documentSummaryFields).openapi("DocumentSummary");

const versionEntrySchema = z.object({
  version: z.number().int(),
  editedAt: z.string(),
  editedBy: personRefSchema.nullable(),
});

export const documentDetailSchema = z
  .object({
    ...documentSummaryFields,
    sections: z.array(sectionSchema),
    editedAt: z.string(),
    editedBy: personRefSchema.nullable(),
    versions: z.array(versionEntrySchema).openapi({ description: "Every version, newest first" }),
  })
  .openapi("Document");

export const documentVersionSchema = z
  .object({
    documentId: z.uuid(),
    version: z.number().int(),
    title: z.string(),
    sections: z.array(sectionSchema),
    editedAt: z.string(),
    editedBy: personRefSchema.nullable(),
  })
  .openapi("DocumentVersion");

const documentSaveSchema = z
  .strictObject({
    title: requiredTextSchema(300),
    sections: z
      .array(sectionSchema)
      .min(1)
      .max(100)
      .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, {
        message: "Section ids must be unique",
        params: CONSISTENCY,
      }),
  })
  .openapi("DocumentSave");

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const listRoute = createRoute({
  method: "get",
  path: "/accounts/{id}/documents",
  tags: ["Documents"],
  summary: "An account's documents (M-2), most recently edited first",
  request: { params: idParam },
  responses: {
    200: {
      description: "The documents",
      content: { "application/json": { schema: z.array(documentSummarySchema) } },
    },
    ...errorResponses,
  },
});

const createDocumentRoute = createRoute({
  method: "post",
  path: "/accounts/{id}/documents",
  tags: ["Documents"],
  summary: "Start a document from the newest version of a template, filled from the account (M-2)",
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ templateId: z.string().min(1).max(100) }).openapi("DocumentCreate"),
        },
      },
    },
  },
  responses: {
    201: { description: "The document", content: { "application/json": { schema: documentDetailSchema } } },
    ...errorResponses,
    422: { description: "Unknown template", content: { "application/json": { schema: errorBodySchema } } },
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/documents/{id}",
  tags: ["Documents"],
  summary: "A document as it is now, with its versions; ETag = its version",
  request: { params: idParam },
  responses: {
    200: { description: "The document", content: { "application/json": { schema: documentDetailSchema } } },
    ...errorResponses,
  },
});

const versionRoute = createRoute({
  method: "get",
  path: "/documents/{id}/versions/{version}",
  tags: ["Documents"],
  summary: "One kept version of a document (M-2)",
  request: {
    params: idParam.extend({
      version: versionPathParam,
    }),
  },
  responses: {
    200: {
      description: "The version",
      content: { "application/json": { schema: documentVersionSchema } },
    },
    ...errorResponses,
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/documents/{id}",
  tags: ["Documents"],
  summary: "Save a document as a new version (M-2); needs If-Match (its version)",
  request: {
    params: idParam,
    headers: ifMatchHeaders,
    body: { required: true, content: { "application/json": { schema: documentSaveSchema } } },
  },
  responses: {
    200: { description: "The document", content: { "application/json": { schema: documentDetailSchema } } },
    ...errorResponses,
    ...inconsistentResponse,
    412: { description: "Stale version", content: { "application/json": { schema: errorBodySchema } } },
    428: { description: "If-Match missing", content: { "application/json": { schema: errorBodySchema } } },
  },
});

export const documentRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid("param");
    await authorizeAccount(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json(await listAccountDocuments(serviceContext(c), { accountId: id }), 200);
  })
  .openapi(createDocumentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const doc = await createDocument(serviceContext(c), {
      accountId: id,
      templateId: c.req.valid("json").templateId,
    });
    c.header("ETag", etag(doc.version));
    return c.json(doc, 201);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    await authorizeDocument(c.get("deps").db, c.get("user"), "account.read", id);
    const doc = await getDocument(serviceContext(c), { documentId: id });
    c.header("ETag", etag(doc.version));
    return c.json(doc, 200);
  })
  .openapi(versionRoute, async (c) => {
    const { id, version } = c.req.valid("param");
    await authorizeDocument(c.get("deps").db, c.get("user"), "account.read", id);
    return c.json(await getDocumentVersion(serviceContext(c), { documentId: id, version }), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { id } = c.req.valid("param");
    const expectedVersion = parseIfMatch(c.req.valid("header")["if-match"]);
    const doc = await saveDocument(serviceContext(c), {
      documentId: id,
      expectedVersion,
      ...c.req.valid("json"),
    });
    c.header("ETag", etag(doc.version));
    return c.json(doc, 200);
  });
