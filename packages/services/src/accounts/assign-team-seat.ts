import { schema } from "@keel/db";
import type { Account, TeamRole, UserRole } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { notifyUsers } from "#automation/work.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { getAccount } from "./get-account.ts";

import { lockAccount } from "./lock-account.ts";

/** Which people may hold a team seat (SPEC §1: TAs (or TA leadership), AEs, CEs). */
const seatHolders: Record<TeamRole, readonly UserRole[]> = {
  ta: ["ta", "manager"],
  tpm: ["ta", "manager"],
  ae: ["ae"],
  ce: ["ce"],
  ie: ["ce", "ta"],
};

/**
 * leadership assigns a seat on the account team (or empties it). The playbooks run in
 * the same request: a new TA is told; on a TA-to-TA reassignment the previous TA is told
 * too and keeps read access to the history (everyone may read, SPEC §1).
 */
export async function assignTeamSeat(
  ctx: ServiceContext,
  input: { accountId: string; role: TeamRole; userId: string | null; expectedVersion: number },
): Promise<Account> {
  const { actor, now, requestId } = ctx;
  const { accountId, role, userId, expectedVersion } = input;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await authorizeAccount(tx, actor, "account.assignTeam", accountId);
    await lockAccount(tx, accountId, expectedVersion);
    if (userId !== null) {
      const [person] = await tx
        .select({ roles: schema.user.roles })
        .from(schema.user)
        .where(eq(schema.user.id, userId));
      if (!person)
        throw new ServiceError("unprocessable", `No user ${userId}`, [
          { path: "userId", message: "unknown user" },
        ]);
      if (!person.roles.some((r) => seatHolders[role].includes(r as UserRole))) {
        throw new ServiceError("unprocessable", `This person cannot hold the ${role.toUpperCase()} seat`, [
          { path: "userId", message: `needs one of the roles ${seatHolders[role].join(", ")}` },
        ]);
      }
    }
    const [previous] = await tx
      .select({ userId: schema.accountTeam.userId })
      .from(schema.accountTeam)
      .where(and(eq(schema.accountTeam.accountId, accountId), eq(schema.accountTeam.role, role)));
    if ((previous?.userId ?? null) === userId) return getAccount(txc, { accountId });

    if (userId === null) {
      await tx
        .delete(schema.accountTeam)
        .where(and(eq(schema.accountTeam.accountId, accountId), eq(schema.accountTeam.role, role)));
    } else {
      await tx
        .insert(schema.accountTeam)
        .values({ accountId, role, userId, assignedAt: now })
        .onConflictDoUpdate({
          target: [schema.accountTeam.accountId, schema.accountTeam.role],
          set: { userId, assignedAt: now },
        });
    }
    await tx.execute(
      sql`update accounts set version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where id = ${accountId}::uuid`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.team.assign",
      entity: "account",
      entityId: accountId,
      before: { role, userId: previous?.userId ?? null },
      after: { role, userId },
      requestId,
    });
    if (role === "ta" && previous?.userId && previous.userId !== userId) {
      const [account] = await tx
        .select({ name: schema.accounts.name })
        .from(schema.accounts)
        .where(eq(schema.accounts.id, accountId));
      await notifyUsers(tx, {
        userIds: [previous.userId],
        accountId,
        message: `${account?.name ?? "An account"} was reassigned to another TA; you keep read access to its history`,
        ruleId: "A-5",
        reason: `A-5 TA-to-TA handoff: reassigned by ${actor.id}`,
        at: now,
      });
    }
    await reactToAccountChange(tx, accountId, {
      cause: "team",
      now,
      health: false,
      // Reported with its time, so a second TA assigned the same day is told too.
      events:
        role === "ta" && userId !== null
          ? new Map([
              [accountId, [{ type: "fieldSet", field: "team.ta", at: now.toISOString(), value: userId }]],
            ])
          : undefined,
    });
    return getAccount(txc, { accountId });
  });
}
