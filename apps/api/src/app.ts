import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "./http/context.ts";
import { ApiError } from "./http/errors.ts";
import { errorJson, handleError, requestContext, requireSession } from "./http/middleware.ts";
import { createRouter } from "./http/router.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { peopleRoutes } from "./routes/people.ts";
import { mountApiReference } from "./web/api-reference.ts";
import { mountWeb, type WebOptions } from "./web/serve-web.ts";

/** Everything under /api/v1, chained so the typed client sees every route (STYLE.md "Hono docs"). */
function createApiV1() {
  return createRouter().route("/", peopleRoutes).route("/", accountRoutes).route("/", contactRoutes);
}

/** The type the @keel/client package is generated from. */
export type AppType = ReturnType<typeof createApiV1>;

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps, options: { web?: WebOptions } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.on(["GET", "POST"], "/api/auth/*", (c) => deps.auth.handler(c.req.raw));

  app.use("/api/v1/*", requireSession);
  app.route("/api/v1", createApiV1());

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Keel API",
      version: "1.0.0",
      description:
        "Customer-success workspace for Technical Advisors. Sign in through /api/auth/sign-in/email; the session cookie authenticates /api/v1. Errors are JSON { code, message, details?, requestId }.",
    },
  });
  mountApiReference(app);

  app.all("/api/*", (c) =>
    errorJson(c, new ApiError("not_found", `No API route ${c.req.method} ${c.req.path}`)),
  );
  if (options.web) mountWeb(app, options.web);

  app.notFound((c) => errorJson(c, new ApiError("not_found", `Nothing at ${c.req.path}`)));
  app.onError(handleError);
  return app;
}
