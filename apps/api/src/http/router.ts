import { OpenAPIHono, type z } from "@hono/zod-openapi";
import { INT32_MAX, wholeNumberParamSchema } from "@keel/domain";
import { ServiceError } from "@keel/services";
import type { AppEnv } from "./context.ts";
import { describeIssues } from "./errors.ts";

/** A router whose validation failures answer 400 with the field paths, like every other error. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const { message, details } = describeIssues(result.error);
        throw new ServiceError("validation_failed", message, details);
      }
    },
  });
}

/** One definition of "today" (UTC) for routes and services alike. */
export { todayOf } from "@keel/services";

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
