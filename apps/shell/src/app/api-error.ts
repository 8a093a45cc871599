import type { ApiRequestError } from "@keel/client";

/**
 * Whether `error` is an API error from any copy of @keel/client: a remote bundles its own
 * copy (see tooling/federation/vite.js), so `instanceof` would miss errors thrown by
 * queries a remote runs on the shell's QueryClient.
 */
export function isApiRequestError(error: unknown): error is ApiRequestError {
  return (
    error instanceof Error &&
    error.name === "ApiRequestError" &&
    typeof (error as { status?: unknown }).status === "number"
  );
}
