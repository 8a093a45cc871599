import { schema } from "@keel/db";
import { type ManualTraitId, manualTraitIds, type Pulse } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { getAccountHealth } from "./get-account-health.ts";
import type { AccountHealthView } from "./health-view.ts";

/** H-2 manual traits to set; null clears one (no data). Setting a trait again refreshes it (H-6, M-7). */
export type ManualTraitsPatch = Partial<{
  taPulse: Pulse | null;
  activeChampion: boolean | null;
  buyerAccess: boolean | null;
}>;

/**
 * A TA sets the account's manual traits (If-Match on the traits' version). The score is
 * recomputed in the same transaction and returned (X-7).
 */
export async function setManualTraits(
  ctx: ServiceContext,
  {
    accountId,
    expectedVersion,
    patch,
  }: { accountId: string; expectedVersion: number; patch: ManualTraitsPatch },
): Promise<AccountHealthView> {
  const { actor, now, requestId } = ctx;
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    await authorizeAccount(tx, actor, "account.editTraits", accountId);
    const { accountManualTraits: traits } = schema;
    const [current] = await tx.select().from(traits).where(eq(traits.accountId, accountId)).for("update");
    const currentVersion = current?.version ?? 0;
    const stale = () =>
      new ServiceError(
        "precondition_failed",
        `The traits were changed by someone else (you edited version ${expectedVersion}, it is now ${currentVersion}); reload and try again`,
        { currentVersion },
      );
    if (currentVersion !== expectedVersion) throw stale();

    const changed = manualTraitIds.filter((id) => patch[id] !== undefined);
    const values: Partial<typeof traits.$inferInsert> = {};
    for (const id of changed) Object.assign(values, columnsOf(id, patch[id] ?? null, now, actor.id));

    if (!current) {
      const inserted = await tx
        .insert(traits)
        .values({ accountId, ...values, version: 1, updatedAt: now })
        .onConflictDoNothing()
        .returning({ version: traits.version });
      if (inserted.length === 0) throw stale();
    } else {
      const updated = await tx
        .update(traits)
        .set({ ...values, version: sql`${traits.version} + 1`, updatedAt: now })
        .where(and(eq(traits.accountId, accountId), eq(traits.version, expectedVersion)))
        .returning({ version: traits.version });
      if (updated.length === 0) throw stale();
    }
    // the history time travel reads.
    await tx.insert(schema.manualTraitChanges).values(
      changed.map((trait) => ({
        accountId,
        trait,
        value: patch[trait] === null ? null : String(patch[trait]),
        setAt: now,
        setBy: actor.id,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.traits.update",
      entity: "account",
      entityId: accountId,
      before: current
        ? Object.fromEntries(changed.map((id) => [id, current[id] ?? null]))
        : Object.fromEntries(changed.map((id) => [id, null])),
      after: Object.fromEntries(changed.map((id) => [id, patch[id] ?? null])),
      requestId,
    });
    // The score, then the playbooks (no active champion → red account, seed 003) in this request.
    await reactToAccountChange(tx, accountId, { cause: "manual traits", now });
    return getAccountHealth(txc, { accountId, today: todayOf(now) });
  });
}

function columnsOf(id: ManualTraitId, value: Pulse | boolean | null, at: Date, by: string) {
  switch (id) {
    case "taPulse":
      return { taPulse: value as Pulse | null, taPulseSetAt: at, taPulseSetBy: by };
    case "activeChampion":
      return { activeChampion: value as boolean | null, activeChampionSetAt: at, activeChampionSetBy: by };
    case "buyerAccess":
      return { buyerAccess: value as boolean | null, buyerAccessSetAt: at, buyerAccessSetBy: by };
  }
}
