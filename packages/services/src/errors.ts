/**
 * What a service refuses with: a code the API maps to its one JSON error shape and status
 * (`apps/api/src/http/errors.ts`); nothing here knows about HTTP.
 */
export const serviceErrorCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "precondition_failed",
  "precondition_required",
  "payload_too_large",
  "unsupported_media_type",
  "unprocessable",
  "rate_limited",
  "internal",
] as const;
export type ServiceErrorCode = (typeof serviceErrorCodes)[number];

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
