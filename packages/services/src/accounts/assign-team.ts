import { type Database, type Executor, queryRows, schema } from "@keel/db";
import type { Account, Actor, SupportLevel, TeamRole, UserRole } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { notifyUsers } from "#automation/work.ts";
import { ServiceError } from "#errors.ts";
import { getAccount } from "./get-account.ts";

/** Which people may hold a team seat (SPEC §1: TAs (or TA leadership), AEs, CEs). */
const seatHolders: Record<TeamRole, readonly UserRole[]> = {
  ta: ["ta", "manager"],
  tpm: ["ta", "manager"],
  ae: ["ae"],
  ce: ["ce"],
  ie: ["ce", "ta"],
};

async function lockAccount(db: Executor, accountId: string, expectedVersion: number) {
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

/**
 * leadership assigns a seat on the account team (or empties it). The playbooks run in
 * the same request: a new TA is told; on a TA-to-TA reassignment the previous TA is told
 * too and keeps read access to the history (everyone may read, SPEC §1).
 */
export async function assignTeamSeat({
  db,
  actor,
  accountId,
  role,
  userId,
  expectedVersion,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  accountId: string;
  role: TeamRole;
  userId: string | null;
  expectedVersion: number;
  now: Date;
  requestId: string;
}): Promise<Account> {
  return db.transaction(async (tx) => {
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
    if ((previous?.userId ?? null) === userId) return getAccount({ db: tx, accountId });

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
    return getAccount({ db: tx, accountId });
  });
}

/** A-3 T-45: leadership sets the support level; A-2 segmentation runs on it in the same request. */
export async function setSupportLevel({
  db,
  actor,
  accountId,
  supportLevel,
  expectedVersion,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  accountId: string;
  supportLevel: SupportLevel;
  expectedVersion: number;
  now: Date;
  requestId: string;
}): Promise<Account> {
  return db.transaction(async (tx) => {
    await authorizeAccount(tx, actor, "account.setSupportLevel", accountId);
    await lockAccount(tx, accountId, expectedVersion);
    const [before] = await tx
      .select({ supportLevel: schema.accounts.supportLevel })
      .from(schema.accounts)
      .where(eq(schema.accounts.id, accountId));
    await tx.execute(
      sql`update accounts set support_level = ${supportLevel}, support_level_set_at = ${now.toISOString()}::timestamptz,
        version = version + 1, updated_at = ${now.toISOString()}::timestamptz where id = ${accountId}::uuid`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.supportLevel.set",
      entity: "account",
      entityId: accountId,
      before,
      after: { supportLevel },
      requestId,
    });
    // A-2 runs on every setting, also on an account the sweep has not looked at yet.
    await reactToAccountChange(tx, accountId, {
      cause: "support level",
      now,
      health: false,
      events: new Map([
        [
          accountId,
          [{ type: "fieldSet", field: "supportLevel", at: now.toISOString(), value: supportLevel }],
        ],
      ]),
    });
    return getAccount({ db: tx, accountId });
  });
}
