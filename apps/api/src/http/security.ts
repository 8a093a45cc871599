import { ServiceError } from "@keel/services";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./context.ts";

const isWrite = (method: string) => !/^(GET|HEAD|OPTIONS)$/.test(method);

/**
 * CSRF: a browser sends `Origin` (and `Sec-Fetch-Site`) with every cross-origin write, so a write
 * whose origin is not ours is refused, whatever its content type. Hono's `csrf()` checks only
 * form content types; a body-less POST (publish, mark read) carries none, so it is checked here
 * for every write. Clients that send neither header (API keys, curl) are not browsers and carry
 * no ambient cookie of a victim's.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return async (c, next) => {
    if (isWrite(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      const ownOrigin = new URL(c.req.url).origin;
      const fromUs = origin !== undefined && (allowed.has(origin) || origin === ownOrigin);
      // "same-site" includes another port of the same host: not ours.
      if (origin !== undefined ? !fromUs : site !== undefined && site !== "same-origin" && site !== "none") {
        throw new ServiceError(
          "forbidden",
          "Cross-origin writes are not accepted; use the product's own pages",
        );
      }
    }
    await next();
  };
}

/**
 * Writes carry JSON or nothing: a form or text body (what a cross-site form can send without a
 * preflight) is 415, so it never reaches a handler. `extraTypes` lists upload types a route
 * declares (none yet).
 */
export function jsonWrites(extraTypes: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const accepted = ["application/json", ...extraTypes];
  return async (c, next) => {
    if (isWrite(c.req.method)) {
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      const length = c.req.header("content-length");
      const hasBody = type !== undefined || (length !== undefined && length !== "0");
      if (hasBody && (type === undefined || !accepted.includes(type))) {
        throw new ServiceError(
          "unsupported_media_type",
          `Send the request body as ${accepted.join(" or ")}${type ? `, not ${type}` : ""}`,
        );
      }
    }
    await next();
  };
}

/** Answers with the signed-in user's data are never kept by browsers or proxies. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};

/**
 * Security headers on every answer. The CSP lets the shell load team apps from where the
 * manifest says (`KEEL_REMOTE_<NAME>_URL` may point at another origin), styles inline because
 * the federation runtime injects a remote's CSS as <style>, and nothing else from elsewhere.
 */
export function securityHeaders({
  remoteOrigins,
  https,
}: {
  remoteOrigins: readonly string[];
  https: boolean;
}): MiddlewareHandler<AppEnv> {
  const self = ["'self'", ...remoteOrigins];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: self,
      styleSrc: [...self, "'unsafe-inline'"],
      connectSrc: self,
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: remoteOrigins.length > 0 ? "cross-origin" : "same-origin",
    strictTransportSecurity: https ? "max-age=15552000; includeSubDomains" : false,
  });
}
