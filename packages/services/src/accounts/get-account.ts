import { schema } from "@keel/db";
import type { Account, AccountTeam, TeamRole } from "@keel/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";

const { accounts, accountTeam, user } = schema;

/** the account with every field and its team. */
export async function getAccount(
  { db }: ServiceContext,
  { accountId }: { accountId: string },
): Promise<Account> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new ServiceError("not_found", `Account ${accountId} does not exist`);
  const seats = await db
    .select({ role: accountTeam.role, userId: user.id, name: user.name, email: user.email })
    .from(accountTeam)
    .innerJoin(user, eq(user.id, accountTeam.userId))
    .where(eq(accountTeam.accountId, accountId));
  const team: AccountTeam = { ta: null, ae: null, ce: null, ie: null, tpm: null };
  for (const seat of seats)
    team[seat.role as TeamRole] = { userId: seat.userId, name: seat.name, email: seat.email };
  const { createdAt: _c, updatedAt: _u, supportLevelSetAt, ...fields } = row;
  return { ...fields, supportLevelSetAt: supportLevelSetAt?.toISOString() ?? null, team };
}
