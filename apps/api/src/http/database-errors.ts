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

/** What a database error means for the client, and the line the log keeps with its details. */
export type DatabaseErrorAnswer = {
  clientError: ServiceError;
  sqlState: string;
  /** Why this is not a 500, for the log entry that also carries the error itself. */
  logMessage: string;
};

const ANSWERS = {
  unstorableValue: new ServiceError(
    "validation_failed",
    "A value in the request cannot be stored (out of range or malformed); check numbers and dates",
  ),
  tooLarge: new ServiceError("validation_failed", "A value in the request is too large to be stored"),
  alreadyExists: new ServiceError("conflict", "Something with the same unique values already exists"),
  missingReference: new ServiceError("unprocessable", "The request refers to something that does not exist"),
  stillReferenced: new ServiceError("conflict", "This is still referred to by other records"),
  missingOrNotAllowed: new ServiceError(
    "validation_failed",
    "A required value is missing, or a value is not one that can be stored",
  ),
  conflicting: new ServiceError("conflict", "The request conflicts with records already stored"),
  concurrentChange: new ServiceError(
    "conflict",
    "Another change to the same records happened at the same moment; send the request again",
  ),
} as const;

/**
 * A database error the client, not the server, is at fault for (or can simply retry), as the
 * 4xx it answers in the one error shape rather than a 500. The messages name no table, column,
 * constraint or value: those stay in the log.
 *
 * - Class 22, "data exception" (a number out of range `22003`, text that is no valid value
 *   `22P02`, a datetime out of range `22007`/`22008`, a character the encoding cannot hold
 *   `22021`), and a value too large for an index `54000`: a value the input schemas should have
 *   bounded; 400.
 * - Class 23, integrity constraint violations: a unique value taken by a concurrent request
 *   (`23505`, 409), a reference to a row that is gone (`23503`, 422) or a row still referenced
 *   (`23503` on delete, `23001`; 409), a missing value or a failed check (`23502`, `23514`; 400).
 *   Services check these first; the database has the last word when two requests race.
 * - A serialization failure `40001` or a deadlock `40P01`: the transaction lost a race and
 *   changed nothing, so the same request may succeed when sent again; 409.
 */
export function clientErrorOfDatabaseError(error: unknown): DatabaseErrorAnswer | null {
  const sqlState = sqlStateOf(error);
  if (sqlState === null) return null;
  const answer = (clientError: ServiceError, logMessage: string) => ({ clientError, sqlState, logMessage });
  const unbounded = "database refused a value the input schemas let through";
  const constraint = "database refused a write that breaks a constraint";

  // Class 22 is "data exception": the value, not the server, is at fault.
  if (sqlState.startsWith("22")) return answer(ANSWERS.unstorableValue, unbounded);
  if (sqlState === "54000") return answer(ANSWERS.tooLarge, unbounded);
  switch (sqlState) {
    case "23505":
      return answer(ANSWERS.alreadyExists, constraint);
    case "23503":
      return answer(
        isDeleteOfReferencedRow(error) ? ANSWERS.stillReferenced : ANSWERS.missingReference,
        constraint,
      );
    case "23001":
      return answer(ANSWERS.stillReferenced, constraint);
    case "23502":
    case "23514":
      return answer(ANSWERS.missingOrNotAllowed, constraint);
    case "40001":
    case "40P01":
      return answer(
        ANSWERS.concurrentChange,
        "transaction lost a race with a concurrent one; the client may retry",
      );
  }
  // Exclusion constraints (23P01) and any other integrity violation: it clashes with stored rows.
  if (sqlState.startsWith("23")) return answer(ANSWERS.conflicting, constraint);
  return null;
}

/**
 * `23503` is raised both when a row points at one that does not exist and when a row still
 * pointed at is deleted (or its key changed). Only the server's message tells them apart
 * ("update or delete on table …"); on a server whose messages are not in English, the error reads
 * as the more common missing reference.
 */
function isDeleteOfReferencedRow(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === "23503" && typeof message === "string") return /^update or delete on table\b/.test(message);
    current = cause;
  }
  return false;
}
