import type { DbHandle } from "@keel/db";
import { accounts, accountTeam, contacts, user } from "@keel/db/schema";
import { openTestDatabase } from "@keel/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoData, seedIfEmpty } from "./index.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
});
afterAll(() => handle.close());

describe("demo seed", () => {
  it("creates the demo company: every SPEC §1 role, ≥ 200 accounts, a full book for ta@keel.test", async () => {
    const result = await seedDemoData(handle.db, { today: "2026-11-01" });
    expect(result.accounts).toBeGreaterThanOrEqual(200);

    const users = await handle.db.select().from(user);
    const roles = new Set(users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(["admin", "ae", "ce", "exec", "manager", "ta"]);

    const taBook = await handle.db
      .select({ accountId: accountTeam.accountId })
      .from(accountTeam)
      .where(sql`${accountTeam.role} = 'ta' and ${accountTeam.userId} = 'usr_ta'`);
    expect(taBook.length).toBeGreaterThanOrEqual(40);

    const spread = await handle.db
      .select({
        segments: sql<number>`count(distinct ${accounts.segment})::int`,
        stages: sql<number>`count(distinct ${accounts.lifecycleStage})::int`,
        minArr: sql<number>`min(${accounts.arrCents})::bigint`,
        maxArr: sql<number>`max(${accounts.arrCents})::bigint`,
        pastRenewals: sql<number>`count(*) filter (where ${accounts.renewalDate} < '2026-11-01')::int`,
        lateRenewals: sql<number>`count(*) filter (where ${accounts.renewalDate} > '2027-11-01')::int`,
      })
      .from(accounts);
    expect(spread[0]!.segments).toBe(4);
    expect(spread[0]!.stages).toBe(5);
    expect(Number(spread[0]!.minArr)).toBeGreaterThanOrEqual(1_000_000);
    expect(Number(spread[0]!.maxArr)).toBeLessThanOrEqual(200_000_000);
    expect(spread[0]!.pastRenewals).toBeGreaterThan(0);
    expect(spread[0]!.lateRenewals).toBeGreaterThan(0);

    const untagged = await handle.db.select().from(contacts).where(sql`cardinality(${contacts.roles}) = 0`);
    expect(untagged.length).toBeGreaterThan(0);
  });

  it("is deterministic: the same seed and day give the same accounts", async () => {
    // A small company is enough to show it (the full one takes seconds to seed again).
    const seedSmall = async () => {
      await handle.db.execute(sql`truncate accounts, "user" cascade`);
      await seedDemoData(handle.db, { today: "2026-11-01", accounts: 30, health: false });
      return handle.db
        .select({ id: accounts.id, name: accounts.name, arr: accounts.arrCents })
        .from(accounts)
        .orderBy(asc(accounts.id));
    };
    const first = await seedSmall();
    expect(first.length).toBe(30);
    expect(await seedSmall()).toEqual(first);
  });

  it("seeds only an empty database", async () => {
    expect(await seedIfEmpty(handle.db)).toBeNull();
    const [admin] = await handle.db.select().from(user).where(eq(user.email, "admin@keel.test"));
    expect(admin?.roles).toEqual(["admin"]);
  });
});
