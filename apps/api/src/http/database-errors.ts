import { ServiceError } from "@keel/services";

/**
 * The SQLSTATE of a PostgreSQL error, wherever it sits: postgres.js (`PostgresError`) and PGlite
 * (`DatabaseError`) both carry `code` and `severity`; drizzle wraps them in a `DrizzleQueryError`
 * whose `cause` is the original. Node's own errors (`ECONNRESET`) have a code but no severity.
 */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const { code, severity, cause } = current as { code?: unknown; severity?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string") return code;
    current = cause;
  }
  return null;
}

/**
 * A database refusal of a value the input schemas should have caught (a number out of range
 * `22003`, text that is no valid value `22P02`, a datetime out of range `22007`/`22008`, a
 * character the encoding cannot hold `22021`, a value too large for an index `54000`): the
 * request was wrong, so it answers 400 in the one error shape rather than 500. The message
 * names no table, column or value, which stay in the log.
 */
export function refusalOfDatabaseError(error: unknown): { refusal: ServiceError; sqlState: string } | null {
  const sqlState = sqlStateOf(error);
  if (sqlState === null) return null;
  // Class 22 is "data exception": the value, not the server, is at fault.
  if (sqlState.startsWith("22")) {
    return {
      sqlState,
      refusal: new ServiceError(
        "validation_failed",
        "A value in the request cannot be stored (out of range or malformed); check numbers and dates",
      ),
    };
  }
  if (sqlState === "54000") {
    return {
      sqlState,
      refusal: new ServiceError("validation_failed", "A value in the request is too large to be stored"),
    };
  }
  return null;
}
