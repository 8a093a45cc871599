import { type Executor, queryRows } from "@keel/db";
import { sql } from "drizzle-orm";
import { ServiceError } from "#errors.ts";

/** Locks the account row and checks the version the editor saw (If-Match, STYLE.md "API"). */
export async function lockAccount(db: Executor, accountId: string, expectedVersion: number) {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`select version from accounts where id = ${accountId}::uuid for no key update`,
  );
  if (!row) throw new ServiceError("not_found", `Account ${accountId} does not exist`);
  if (row.version !== expectedVersion) {
    throw new ServiceError(
      "precondition_failed",
      `The account was changed by someone else (you edited version ${expectedVersion}, it is now ${row.version}); reload and try again`,
      { currentVersion: row.version },
    );
  }
}
