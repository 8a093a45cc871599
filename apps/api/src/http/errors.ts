import { z } from "@hono/zod-openapi";
import { type ServiceError, type ServiceErrorCode, serviceErrorCodes } from "@keel/services";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error the API answers has this one JSON shape (STYLE.md "API"); the codes are the services'. */
export const errorCodeSchema = z.enum(serviceErrorCodes);
export type ErrorCode = ServiceErrorCode;

export const errorBodySchema = z
  .object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof errorBodySchema>;

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

/** The status a service's refusal answers with: the only thing HTTP adds to a `ServiceError`. */
export const statusOfError = (error: ServiceError): ContentfulStatusCode => statusOf[error.code];

/** zod issues as `{ path, message }`, the path dotted so a person can find the field. */
export function describeIssues(error: z.ZodError): {
  details: Array<{ path: string; message: string }>;
  message: string;
} {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  const message = details.map((d) => `${d.path}: ${d.message}`).join("; ");
  return { details, message: `Invalid input: ${message}` };
}

/** Shared OpenAPI response entries so every route documents its errors the same way. */
export const errorResponses = {
  400: {
    description: "Malformed or invalid input",
    content: { "application/json": { schema: errorBodySchema } },
  },
  401: { description: "Not signed in", content: { "application/json": { schema: errorBodySchema } } },
  403: { description: "Not allowed", content: { "application/json": { schema: errorBodySchema } } },
  404: { description: "Not found", content: { "application/json": { schema: errorBodySchema } } },
} as const;

/** 422 for input the document accepts but that does not fit together (a duplicate, a missing rule). */
export const inconsistentResponse = {
  422: {
    description: "Well-formed, but inconsistent: each detail names the field and why",
    content: { "application/json": { schema: errorBodySchema } },
  },
} as const;
