import { ServiceError } from "@keel/services";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";

/**
 * PostgreSQL stores no NUL character in text, and no unpaired UTF-16 surrogate in jsonb: either
 * would fail deep inside a write as a 500. They are refused here, once, for every route: in the
 * path, the query and a JSON body (scanned as text, so a 5,000-record batch is not parsed twice).
 */
export const refuseUnstorableText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const problems: Array<{ path: string; message: string }> = [];
  const check = (where: string, value: string) => {
    const problem = unstorable(value);
    if (problem) problems.push({ path: where, message: problem });
  };

  const url = new URL(c.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new ServiceError("bad_request", "The address has a malformed %-escape");
  }
  check("(path)", path);
  for (const [name, value] of url.searchParams) check(`query.${name}`, value);

  const type = c.req.header("content-type") ?? "";
  if (/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    const body = await c.req.text();
    const problem = unstorableJson(body);
    if (problem) problems.push({ path: "(body)", message: problem });
  }
  for (const [name, value] of Object.entries(c.req.header())) {
    if (name === "idempotency-key" || name === "if-match") check(`header.${name}`, value);
  }

  if (problems.length > 0) {
    throw new ServiceError(
      "validation_failed",
      `Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
      problems,
    );
  }
  await next();
};

const NUL_MESSAGE = "contains a NUL character (U+0000), which cannot be stored";
const SURROGATE_MESSAGE = "contains a broken character (an unpaired UTF-16 surrogate)";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (loneSurrogate.test(value)) return SURROGATE_MESSAGE;
  return null;
}

// In JSON text a character can also arrive escaped (`\u0000`, `\ud800` without its pair): only
// then, which is rare, is the body parsed here to read the strings as they will be stored.
function unstorableJson(text: string): string | null {
  const raw = unstorable(text);
  if (raw) return raw;
  if (!text.includes("\\u")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null; // malformed JSON is the route's 400
  }
  return firstUnstorable(parsed);
}

function firstUnstorable(value: unknown): string | null {
  if (typeof value === "string") return unstorable(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = firstUnstorable(item);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorable(key) ?? firstUnstorable(item);
      if (problem) return problem;
    }
  }
  return null;
}
