import { createRoute, z } from "@hono/zod-openapi";
import {
  healthCategorySchema,
  healthPolicyDocumentSchema,
  healthPolicyDraftSchema,
  healthPolicySchema,
  wholeNumberParamSchema,
} from "@keel/domain";
import {
  authorizeGlobal,
  createPolicyDraft,
  exportPolicy,
  getPolicy,
  importPolicy,
  listPolicies,
  previewPolicy,
  publishPolicy,
  updatePolicyDraft,
} from "@keel/services";
import { serviceContext } from "../http/context.ts";
import { errorBodySchema, errorResponses, inconsistentResponse } from "../http/errors.ts";
import { createRouter, etag, ifMatchHeaders, parseIfMatch } from "../http/router.ts";

// Domain schemas are used as they are: the zod instance that validates them is not always the
// one @hono/zod-openapi extended under vitest, so `.openapi()` is only called on schemas made here.
const policyBodySchema = healthPolicySchema;
const draftSchema = healthPolicyDraftSchema;
const documentSchema = healthPolicyDocumentSchema;

export const policyViewSchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    source: z.string(),
    status: z.enum(["draft", "published"]),
    effectiveFrom: z.iso.date().nullable().openapi({ description: "Null for drafts: set when published" }),
    inForce: z.boolean().openapi({ description: "Scoring accounts today" }),
    revision: z.number().int().openapi({ description: "Edit revision of a draft: send as If-Match" }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    policy: policyBodySchema,
  })
  .openapi("HealthPolicyVersion");

const countsSchema = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  unknown: z.number().int(),
});

export const policyPreviewSchema = z
  .object({
    version: z.number().int(),
    inForceVersion: z.number().int(),
    asOf: z.iso.date(),
    accounts: z.number().int(),
    before: countsSchema.openapi({ description: "Accounts per category under the policy in force" }),
    after: countsSchema.openapi({ description: "Accounts per category under this policy" }),
    changedCount: z.number().int().openapi({ description: "Accounts whose category changes" }),
    scoreChangedCount: z.number().int(),
    changed: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          from: healthCategorySchema,
          to: healthCategorySchema,
          scoreBefore: z.number().nullable(),
          scoreAfter: z.number().nullable(),
        }),
      )
      .openapi({ description: "By name; at most `limit` of them" }),
  })
  .openapi("HealthPolicyPreview");

const versionParam = z.object({
  version: wholeNumberParamSchema({ min: 1 }).openapi({ param: { name: "version", in: "path" } }),
});

const stale = {
  412: { description: "Stale revision", content: { "application/json": { schema: errorBodySchema } } },
  428: { description: "If-Match missing", content: { "application/json": { schema: errorBodySchema } } },
} as const;
const conflict = {
  409: {
    description: "Published versions do not change",
    content: { "application/json": { schema: errorBodySchema } },
  },
} as const;

const listRoute = createRoute({
  method: "get",
  path: "/health/policies",
  tags: ["Health policies"],
  summary: "Every health policy version, drafts included (H-1, X-3)",
  responses: {
    200: {
      description: "Versions, oldest first",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(policyViewSchema), inForceVersion: z.number().int().nullable() }),
        },
      },
    },
    ...errorResponses,
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/health/policies/{version}",
  tags: ["Health policies"],
  summary: "One policy version; ETag = its revision",
  request: { params: versionParam },
  responses: {
    200: { description: "The version", content: { "application/json": { schema: policyViewSchema } } },
    ...errorResponses,
  },
});

const createDraftRoute = createRoute({
  method: "post",
  path: "/health/policies",
  tags: ["Health policies"],
  summary: "Create a draft (X-2); the server numbers it (policy.editDraft)",
  request: { body: { required: true, content: { "application/json": { schema: draftSchema } } } },
  responses: {
    201: { description: "The draft", content: { "application/json": { schema: policyViewSchema } } },
    ...errorResponses,
    ...inconsistentResponse,
  },
});

const updateDraftRoute = createRoute({
  method: "put",
  path: "/health/policies/{version}",
  tags: ["Health policies"],
  summary: "Edit a draft; needs If-Match (its revision)",
  request: {
    params: versionParam,
    headers: ifMatchHeaders,
    body: { required: true, content: { "application/json": { schema: draftSchema } } },
  },
  responses: {
    200: { description: "The draft", content: { "application/json": { schema: policyViewSchema } } },
    ...errorResponses,
    ...inconsistentResponse,
    ...conflict,
    ...stale,
  },
});

const previewRoute = createRoute({
  method: "post",
  path: "/health/policies/{version}/preview",
  tags: ["Health policies"],
  summary: "What-if (X-2): the whole book under this version vs the policy in force; nothing is written",
  description:
    "Send `{ policy }` (a draft body) to preview unsaved edits under this version number; send no body to preview the stored version.",
  request: {
    params: versionParam,
    query: z.object({ limit: wholeNumberParamSchema({ min: 0, max: 100_000 }).default(1_000) }),
    body: {
      required: false,
      content: { "application/json": { schema: z.strictObject({ policy: draftSchema.optional() }) } },
    },
  },
  responses: {
    200: {
      description: "Counts and changed accounts",
      content: { "application/json": { schema: policyPreviewSchema } },
    },
    ...errorResponses,
    ...inconsistentResponse,
  },
});

const publishRoute = createRoute({
  method: "post",
  path: "/health/policies/{version}/publish",
  tags: ["Health policies"],
  summary: "Publish a draft (admin): in force from today; every account is rescored in this request (X-3)",
  request: { params: versionParam },
  responses: {
    200: {
      description: "Published, and the recompute's outcome",
      content: {
        "application/json": {
          schema: z
            .object({
              policy: policyViewSchema,
              recompute: z.union([
                z.object({
                  status: z.literal("done"),
                  accounts: z.number().int(),
                  written: z.number().int(),
                  snapshots: z.number().int(),
                  categoryChanges: z.number().int(),
                  policyVersion: z.number().int(),
                  durationMs: z.number(),
                }),
                z.object({
                  status: z.literal("queued").openapi({
                    description: "A sweep was running elsewhere; it runs again and applies this policy",
                  }),
                }),
              ]),
            })
            .openapi("HealthPolicyPublished"),
        },
      },
    },
    ...errorResponses,
    ...conflict,
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/health/policies/{version}/export",
  tags: ["Health policies"],
  summary: "Export a version as versioned JSON (X-8)",
  request: { params: versionParam },
  responses: {
    200: { description: "The policy document", content: { "application/json": { schema: documentSchema } } },
    ...errorResponses,
  },
});

const importRoute = createRoute({
  method: "post",
  path: "/health/policies/import",
  tags: ["Health policies"],
  summary: "Import a policy document as a new draft (X-8; policy.editDraft)",
  request: { body: { required: true, content: { "application/json": { schema: documentSchema } } } },
  responses: {
    201: { description: "The new draft", content: { "application/json": { schema: policyViewSchema } } },
    ...errorResponses,
    ...inconsistentResponse,
  },
});

export const policyRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listPolicies(serviceContext(c)), 200))
  .openapi(importRoute, async (c) => {
    const draft = await importPolicy(serviceContext(c), c.req.valid("json"));
    c.header("ETag", etag(draft.revision));
    return c.json(draft, 201);
  })
  .openapi(getRoute, async (c) => {
    const view = await getPolicy(serviceContext(c), { version: c.req.valid("param").version });
    c.header("ETag", etag(view.revision));
    return c.json(view, 200);
  })
  .openapi(createDraftRoute, async (c) => {
    const draft = await createPolicyDraft(serviceContext(c), c.req.valid("json"));
    c.header("ETag", etag(draft.revision));
    return c.json(draft, 201);
  })
  .openapi(updateDraftRoute, async (c) => {
    const expectedRevision = parseIfMatch(c.req.valid("header")["if-match"]);
    const draft = await updatePolicyDraft(serviceContext(c), {
      version: c.req.valid("param").version,
      expectedRevision,
      draft: c.req.valid("json"),
    });
    c.header("ETag", etag(draft.revision));
    return c.json(draft, 200);
  })
  .openapi(previewRoute, async (c) => {
    authorizeGlobal(c.get("user"), "policy.editDraft");
    const preview = await previewPolicy(serviceContext(c), {
      version: c.req.valid("param").version,
      policy: c.req.valid("json").policy,
      limit: c.req.valid("query").limit,
    });
    return c.json(preview, 200);
  })
  .openapi(publishRoute, async (c) => {
    const result = await publishPolicy(serviceContext(c), {
      version: c.req.valid("param").version,
      // The rescoring sweep reads the app clock as it goes (batch stamps, lease renewals).
      clock: c.get("deps").now,
    });
    return c.json(result, 200);
  })
  .openapi(exportRoute, async (c) => {
    const { version } = c.req.valid("param");
    const document = await exportPolicy(serviceContext(c), { version });
    c.header("Content-Disposition", `inline; filename="health-policy-v${version}.json"`);
    return c.json(document, 200);
  });
