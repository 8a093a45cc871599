import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";

/**
 * Rows of a raw query on either driver: postgres.js answers an array, PGlite `{ rows }`.
 * Raw queries cast what they return (`::int`, `::text`, ISO strings) because the two drivers
 * parse bigint and timestamps differently.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** A timestamptz as an ISO string in UTC, whatever the session's time zone. */
export const isoUtc = (expression: SQL) =>
  sql`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A list of uuids as one parameter (one placeholder however long the list). */
export const uuidList = (ids: readonly string[]) =>
  sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
