import type { AppType } from "@keel/api";
import { hc } from "hono/client";

/** An API error as the server sent it: `{ code, message, details?, requestId }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/**
 * Whether `error` is an API error from any copy of this package: each team app bundles its
 * own copy (tooling/federation/vite.js), so `instanceof` misses errors thrown by queries a
 * remote runs on the shell's QueryClient.
 */
export function isApiRequestError(error: unknown): error is ApiRequestError {
  return (
    error instanceof Error &&
    error.name === "ApiRequestError" &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

/** Where the API lives. Same origin in production; the Vite dev servers proxy /api. */
let baseUrl = "/api";
export function setApiBaseUrl(url: string) {
  baseUrl = url.replace(/\/$/, "");
  api = createApiClient();
}

function createApiClient() {
  return hc<AppType>(`${baseUrl}/v1`, { init: { credentials: "include" } });
}

/** The typed client over the API's routes (Hono RPC). The only way frontends reach the API. */
export let api = createApiClient();

type JsonResponse = { ok: boolean; status: number; json(): Promise<unknown> };
/** The body of the typed client's 2xx answers only (error statuses throw below). */
type SuccessBody<R extends JsonResponse> =
  Extract<R, { ok: true }> extends never
    ? Awaited<ReturnType<R["json"]>>
    : Awaited<ReturnType<Extract<R, { ok: true }>["json"]>>;

/** Reads a response: the JSON on success, an ApiRequestError otherwise. */
export async function unwrap<R extends JsonResponse>(response: R): Promise<SuccessBody<R>> {
  if (response.ok) return (await response.json()) as SuccessBody<R>;
  let body: { code?: string; message?: string; requestId?: string; details?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status.
  }
  throw new ApiRequestError(
    response.status,
    body.code ?? "http_error",
    body.message ?? `Request failed with status ${response.status}`,
    body.requestId,
    body.details,
  );
}

/**
 * The `If-Match` header of a write to an editable record (STYLE.md "API": writes name the
 * version they edit and answer 412 when it is stale).
 */
export function ifMatch(version: number) {
  return { "if-match": `"${version}"` } as const;
}

type FilterValue = string | number | boolean | undefined;

/**
 * List filters as the API's query string takes them: every value a string, undefined and empty
 * values left out (so `{ q: "" }` and `{}` ask for the same list). `searchString` gives the same
 * pairs as a `?…` string for links and the URL.
 */
export function toQuery<Filters extends { [Key in keyof Filters]?: FilterValue }>(filters: Filters) {
  return Object.fromEntries(
    Object.entries(filters as Record<string, FilterValue>)
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, String(value)]),
  ) as Record<string, string>;
}

/** `toQuery` as a search string: `"?a=1&b=x"`, or `""` when no filter is set. */
export function searchString<Filters extends { [Key in keyof Filters]?: FilterValue }>(filters: Filters) {
  const search = new URLSearchParams(toQuery(filters)).toString();
  return search ? `?${search}` : "";
}

/** Sign-in and sign-out go through Better Auth's endpoints, not the typed /v1 routes. */
export const authApi = {
  async signIn(email: string, password: string) {
    const response = await fetch(`${baseUrl}/auth/sign-in/email`, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
      const message =
        response.status === 401 ? "Email or password is not right" : (body.message ?? "Could not sign in");
      throw new ApiRequestError(response.status, body.code ?? "sign_in_failed", message);
    }
  },
  async signOut() {
    await fetch(`${baseUrl}/auth/sign-out`, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
  },
};
