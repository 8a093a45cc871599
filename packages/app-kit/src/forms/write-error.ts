import { isApiRequestError } from "@keel/client";

/** A refused write in plain words, with each field's complaint for the form to show beside it. */
export type WriteFailure = {
  /** stale: 412 (someone saved first); conflict: 409 (processed); invalid: 400/422 (fields). */
  kind: "stale" | "conflict" | "invalid" | "forbidden" | "other";
  message: string;
  fields: Record<string, string>;
};

const fieldsOf = (details: unknown): Record<string, string> =>
  Array.isArray(details)
    ? Object.fromEntries(
        details
          .filter(
            (detail): detail is { path: string; message: string } =>
              typeof detail?.path === "string" && typeof detail?.message === "string",
          )
          .map((detail) => [detail.path, detail.message.charAt(0).toUpperCase() + detail.message.slice(1)]),
      )
    : {};

export function describeWriteError(error: unknown, record = "this renewal"): WriteFailure {
  if (!isApiRequestError(error)) {
    return { kind: "other", message: "Could not reach the server. Try again.", fields: {} };
  }
  switch (error.status) {
    case 412:
    case 428:
      return {
        kind: "stale",
        message: `Someone else changed ${record} since you opened it. Reload to see their changes, then make yours again.`,
        fields: {},
      };
    case 409:
      return { kind: "conflict", message: `Not saved: ${error.message}`, fields: {} };
    case 400:
    case 422: {
      const fields = fieldsOf(error.details);
      return {
        kind: "invalid",
        message:
          Object.keys(fields).length > 0 ? "Not saved: please fix the fields marked below." : error.message,
        fields,
      };
    }
    case 403:
      return { kind: "forbidden", message: "You may not make this change.", fields: {} };
    default:
      return { kind: "other", message: error.message, fields: {} };
  }
}
