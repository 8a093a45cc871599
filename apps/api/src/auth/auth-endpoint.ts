import { ServiceError } from "@keel/services";
import type { Context } from "hono";
import type { AppEnv } from "../http/context.ts";
import type { ErrorCode } from "../http/errors.ts";
import { errorJson } from "../http/middleware.ts";

/** The header Better Auth reads the client address from: set here, never taken from the caller. */
export const CLIENT_IP_HEADER = "x-keel-client-ip";

const codeOfStatus: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "unprocessable",
  429: "rate_limited",
};

/**
 * /api/auth/*: Better Auth behind our sign-in limits (per client address and per account, so
 * one person's typos never lock out another), with its errors in the API's one error shape.
 */
export async function handleAuthRequest(c: Context<AppEnv>): Promise<Response> {
  const { auth } = c.get("deps");
  const limits = c.get("limits");
  const client = c.get("clientIp");
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  if (client) headers.set(CLIENT_IP_HEADER, client);

  const signingIn = c.req.method === "POST" && c.req.path === "/api/auth/sign-in/email";
  let email: string | null = null;
  let body: string | undefined;
  if (c.req.method !== "GET" && c.req.method !== "HEAD") body = await c.req.text();
  if (signingIn) {
    email = emailOf(body);
    if (email) await limits.signIn.check(client, email);
  }

  const res = await auth.handler(new Request(c.req.raw.url, { method: c.req.method, headers, body }));

  if (signingIn && email) {
    if (res.status === 401) await limits.signIn.failed(client, email);
    else if (res.ok) await limits.signIn.succeeded(client, email);
  }
  return res.status >= 400 ? inOurShape(c, res) : res;
}

function emailOf(body: string | undefined): string | null {
  try {
    const parsed: unknown = JSON.parse(body ?? "");
    const email = (parsed as { email?: unknown })?.email;
    return typeof email === "string" && email.length > 0 && email.length <= 320 ? email : null;
  } catch {
    return null;
  }
}

async function inOurShape(c: Context<AppEnv>, res: Response): Promise<Response> {
  let message = res.statusText || "The sign-in service refused the request";
  let authCode: string | undefined;
  try {
    const parsed = (await res.clone().json()) as { message?: unknown; code?: unknown };
    if (typeof parsed.message === "string" && parsed.message) message = parsed.message;
    if (typeof parsed.code === "string") authCode = parsed.code;
  } catch {
    // Not JSON: keep the status text.
  }
  const retryAfter = res.headers.get("retry-after") ?? res.headers.get("x-retry-after");
  if (retryAfter) c.header("Retry-After", retryAfter);
  for (const cookie of res.headers.getSetCookie()) c.header("Set-Cookie", cookie, { append: true });
  const code = codeOfStatus[res.status] ?? (res.status >= 500 ? "internal" : "bad_request");
  return errorJson(c, new ServiceError(code, message, authCode ? { authCode } : undefined));
}
