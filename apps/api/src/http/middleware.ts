import { sessionUserSchema, type UserRole } from "@keel/domain";
import { ServiceError } from "@keel/services";
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps, AppEnv } from "./context.ts";
import { clientErrorOfDatabaseError } from "./database-errors.ts";
import { type ErrorBody, statusOfError } from "./errors.ts";

/** Gives every request an id (honouring an incoming X-Request-Id) and logs it when done. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    const entry = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get("user")?.id,
    };
    if (c.res.status >= 500) deps.logger.error(entry, "request failed");
    else deps.logger.info(entry, "request");
  };
}

/** /api/v1/* needs a signed-in user: 401 JSON otherwise. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { auth } = c.get("deps");
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) throw new ServiceError("unauthenticated", "Sign in to use the API");
  const user = sessionUserSchema.parse({
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    roles: (session.user as { roles?: UserRole[] }).roles ?? [],
  });
  c.set("user", user);
  await next();
};

export function errorJson(c: Context<AppEnv>, error: ServiceError) {
  const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (error.code === "rate_limited" && typeof retryAfter === "number") {
    c.header("Retry-After", String(retryAfter));
  }
  const body: ErrorBody = {
    code: error.code,
    message: error.message,
    ...(error.details !== undefined && { details: error.details }),
    requestId: c.get("requestId") ?? "unknown",
  };
  return c.json(body, statusOfError(error));
}

/** Maps anything thrown to the one error shape; hides internals of unexpected failures. */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof ServiceError) return errorJson(c, error);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 413
        ? "payload_too_large"
        : status === 401
          ? "unauthenticated"
          : status === 404
            ? "not_found"
            : "bad_request";
    // Hono raises "Malformed JSON in request body" and content-type problems here, before validation.
    return errorJson(c, new ServiceError(code, error.message || "Bad request"));
  }
  const logger = c.get("deps")?.logger;
  const database = clientErrorOfDatabaseError(error);
  if (database) {
    // The database refused what the request asked (a value an input schema let through, a
    // constraint a concurrent request got to first): answered as the 4xx it is; the log keeps the
    // details (table, column, value) that the answer leaves out.
    logger?.warn(
      { err: error, requestId: c.get("requestId"), sqlState: database.sqlState },
      database.logMessage,
    );
    return errorJson(c, database.clientError);
  }
  // Nothing of the error reaches the client: its message may name tables, columns or values.
  logger?.error({ err: error, requestId: c.get("requestId") }, "unhandled error");
  return errorJson(
    c,
    new ServiceError("internal", "Something went wrong on our side; the request id helps us find it"),
  );
}
