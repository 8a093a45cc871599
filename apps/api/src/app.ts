import { OpenAPIHono } from "@hono/zod-openapi";
import { ServiceError, type WebhookTargetPolicy } from "@keel/services";
import { bodyLimit } from "hono/body-limit";
import { handleAuthRequest } from "./auth/auth-endpoint.ts";
import { createClientIpResolver } from "./http/client-ip.ts";
import type { AppDeps, AppEnv } from "./http/context.ts";
import { refuseUnstorableText } from "./http/input-guard.ts";
import { errorJson, handleError, requestContext, requireSession } from "./http/middleware.ts";
import { createRateLimits, defaultRateLimits, type RateLimitConfig } from "./http/rate-limits.ts";
import { createRouter } from "./http/router.ts";
import { jsonWrites, noStore, sameOriginWrites, securityHeaders } from "./http/security.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { churnRetroRoutes } from "./routes/churn-retros.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { documentRoutes } from "./routes/documents.ts";
import { healthRoutes } from "./routes/health.ts";
import { ingestRoutes, MAX_INGEST_BODY_BYTES } from "./routes/ingest.ts";
import { lifecycleRoutes } from "./routes/lifecycle.ts";
import { lighthouseRoutes } from "./routes/lighthouse.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { peopleRoutes } from "./routes/people.ts";
import { playbookRoutes } from "./routes/playbooks.ts";
import { policyRoutes } from "./routes/policies.ts";
import { projectRoutes } from "./routes/projects.ts";
import { recommendationRoutes } from "./routes/recommendations.ts";
import { renewalRoutes } from "./routes/renewals.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { templateRoutes } from "./routes/templates.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import { mountApiReference } from "./web/api-reference.ts";
import { mountWeb, type WebOptions } from "./web/serve-web.ts";

/** Everything under /api/v1, chained so the typed client sees every route (STYLE.md "Hono docs"). */
function createApiV1() {
  return createRouter()
    .route("/", peopleRoutes)
    .route("/", accountRoutes)
    .route("/", contactRoutes)
    .route("/", healthRoutes)
    .route("/", taskRoutes)
    .route("/", projectRoutes)
    .route("/", documentRoutes)
    .route("/", templateRoutes)
    .route("/", notificationRoutes)
    .route("/", policyRoutes)
    .route("/", webhookRoutes)
    .route("/", playbookRoutes)
    .route("/", lifecycleRoutes)
    .route("/", recommendationRoutes)
    .route("/", apiKeyRoutes)
    .route("/", renewalRoutes)
    .route("/", churnRetroRoutes)
    .route("/", lighthouseRoutes);
}

/** The type the @keel/client package is generated from. */
export type AppType = ReturnType<typeof createApiV1>;

export const MAX_BODY_BYTES = 1024 * 1024;

const isIngestPath = (path: string) => path.startsWith("/api/v1/ingest/");

/** docs/security.md: who may write from a browser, which proxies to believe, the limits. */
export type SecurityOptions = {
  /** Origins whose pages may write (besides the request's own): the public URL, dev servers. */
  allowedOrigins: string[];
  /** KEEL_TRUSTED_PROXIES: addresses or CIDR ranges whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  rateLimits: RateLimitConfig;
  /** Other origins the shell loads team apps from (KEEL_REMOTE_<NAME>_URL), for the CSP. */
  remoteOrigins: string[];
  /** The public URL is https: send HSTS. */
  https: boolean;
  /** Webhook targets: https to public addresses, plus the hosts in KEEL_WEBHOOK_ALLOWED_HOSTS. */
  webhookTargets: WebhookTargetPolicy;
};

export function createApp(
  deps: AppDeps,
  options: { web?: WebOptions; security?: Partial<SecurityOptions> } = {},
) {
  const security: SecurityOptions = {
    allowedOrigins: [deps.auth.options.baseURL ?? "http://localhost:3000"],
    trustedProxies: [],
    rateLimits: defaultRateLimits,
    remoteOrigins: [],
    https: false,
    webhookTargets: { allowedHosts: [] },
    ...options.security,
  };
  const clientIp = createClientIpResolver(security.trustedProxies);
  const limits = createRateLimits(security.rateLimits);
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", async (c, next) => {
    c.set("clientIp", clientIp(c));
    c.set("limits", limits);
    c.set("webhookTargets", security.webhookTargets);
    await next();
  });
  app.use("*", securityHeaders(security));
  app.use("/api/*", sameOriginWrites(security.allowedOrigins), jsonWrites());
  app.use("/api/v1/*", noStore);
  app.use("/api/auth/*", noStore);
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // Refused before its body was read: closing the connection after the answer lets the
        // client's next request start clean on a new one instead of failing on this one.
        c.header("Connection", "close");
        throw new ServiceError("payload_too_large", `Request bodies are limited to ${maxSize} bytes`);
      },
    });
  const defaultLimit = limitTo(MAX_BODY_BYTES);
  // Ingestion batches (up to 5,000 records) need more than the rest of the API.
  const ingestLimit = limitTo(MAX_INGEST_BODY_BYTES);
  app.use("/api/*", (c, next) => (isIngestPath(c.req.path) ? ingestLimit : defaultLimit)(c, next));
  app.use("/api/*", refuseUnstorableText);

  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.on(["GET", "POST"], "/api/auth/*", handleAuthRequest);

  // Ingestion is for machines: an API key per request (routes/ingest.ts), not a session.
  app.use("/api/v1/*", (c, next) => (isIngestPath(c.req.path) ? next() : requireSession(c, next)));
  app.route("/api/v1", createApiV1());
  app.route("/api/v1", ingestRoutes);
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key (keel_<prefix>_<secret>) created by an admin at POST /api/v1/api-keys",
  });

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Keel API",
      version: "1.0.0",
      description:
        "Customer-success workspace for Technical Advisors. Sign in through /api/auth/sign-in/email; the session cookie authenticates /api/v1, except /api/v1/ingest/*, which takes an API key (Authorization: Bearer keel_…). Errors are JSON { code, message, details?, requestId }.",
    },
  });
  mountApiReference(app);

  app.all("/api/*", (c) =>
    errorJson(c, new ServiceError("not_found", `No API route ${c.req.method} ${c.req.path}`)),
  );
  if (options.web) mountWeb(app, options.web);

  app.notFound((c) => errorJson(c, new ServiceError("not_found", `Nothing at ${c.req.path}`)));
  app.onError(handleError);
  return app;
}
