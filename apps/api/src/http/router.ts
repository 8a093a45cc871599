import { OpenAPIHono, z } from "@hono/zod-openapi";
import { INT32_MAX, onlyConsistencyIssues, wholeNumberParamSchema } from "@keel/domain";
import { ServiceError } from "@keel/services";
import type { Context } from "hono";
import type { AppEnv } from "./context.ts";
import { describeIssues } from "./errors.ts";

/** A router whose validation failures answer 400 with the field paths, like every other error. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const { message, details } = describeIssues(result.error);
        // Well-formed by the OpenAPI document but inconsistent (a duplicate, a missing rule): 422.
        const code = onlyConsistencyIssues(result.error.issues) ? "unprocessable" : "validation_failed";
        throw new ServiceError(code, message, details);
      }
    },
  });
}

/** One definition of "today" (UTC) for routes and services alike. */
export { todayOf } from "@keel/services";

/**
 * The If-Match header of an editable record: the version from its ETag (`"3"`, 3 or W/"3").
 * Optional to the validator so that a missing one answers 428 (parseIfMatch); the pattern lets
 * the OpenAPI document say what a version looks like. Nine digits: no record reaches a billion
 * edits, and the bound keeps every version inside the `integer` column.
 */
export const ifMatchHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^(?:W\/)?"?\d{1,9}"?$/, 'expected the version from the ETag, like "3"')
    .optional()
    .openapi({ description: "The version you edited, from the ETag header (required: 428 without it)" }),
});

/** `If-Match: "3"` (or 3, or W/"3") → 3. Missing → 428, unreadable → 400. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined) {
    throw new ServiceError(
      "precondition_required",
      "Send If-Match with the version you edited (from the ETag header)",
    );
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  // Versions are `integer` columns: a larger number can match no version, and would fail the query.
  if (!match || Number(match[1]) > INT32_MAX) {
    throw new ServiceError("bad_request", `If-Match must be a version like "3", got ${header}`);
  }
  return Number(match[1]);
}

/** The JSON body of a route that reads it itself (no validator): malformed JSON is a 400, not a 500. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ServiceError("bad_request", "Malformed JSON in request body");
  }
}

export const etag = (version: number) => `"${version}"`;

/** An OpenAPI response entry with a JSON body (the same shape for every route). */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** `{version}` in a path: a kept version of a document, template or policy (1, 2, …). */
export const versionPathParam = wholeNumberParamSchema({ min: 1 }).openapi({
  param: { name: "version", in: "path" },
});
