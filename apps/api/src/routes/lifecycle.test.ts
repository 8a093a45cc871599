import { randomUUID } from "node:crypto";
import { queryRows, schema } from "@keel/db";
import { evaluateAccounts } from "@keel/services";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
});
afterAll(() => t.close());

/** A hand-made account; `swept` runs this morning's sweep on it so the engine has seen it. */
async function makeAccount(
  input: {
    name?: string;
    arrCents?: number;
    closeDate?: string;
    renewalDate?: string | null;
    stage?: "prospect" | "onboarding" | "adopting";
    ta?: string | null;
    swept?: boolean;
  } = {},
) {
  const id = randomUUID();
  await t.db.insert(schema.accounts).values({
    id,
    name: input.name ?? `Lifecycle ${id.slice(0, 8)}`,
    domain: `${id.slice(0, 8)}.example`,
    arrCents: input.arrCents ?? 30_000_000,
    seatsPurchased: 100,
    closeDate: input.closeDate ?? "2026-12-10",
    renewalDate: input.renewalDate ?? null,
    supportLevel: "none",
    supportLevelSetAt: null,
    segment: "smb",
    lifecycleStage: input.stage ?? "prospect",
    deployment: "cloud",
  });
  const seats: (typeof schema.accountTeam.$inferInsert)[] = [
    { accountId: id, role: "ce", userId: "usr_ce" },
    { accountId: id, role: "ae", userId: "usr_ae" },
  ];
  if (input.ta !== null) seats.push({ accountId: id, role: "ta", userId: input.ta ?? "usr_ta" });
  await t.db.insert(schema.accountTeam).values(seats);
  if (input.swept ?? true) await sweep(TEST_TODAY, id);
  return id;
}

const sweep = (today: string, id: string) =>
  t.db.transaction((tx) =>
    evaluateAccounts(tx, { accountIds: [id], today, at: new Date(`${today}T06:00:00Z`) }),
  );

const versionOf = async (id: string) =>
  (await queryRows<{ version: number }>(t.db, sql`select version from accounts where id = ${id}::uuid`))[0]!
    .version;

const notificationsFor = (userId: string, accountId: string) =>
  queryRows<{ message: string; rule_id: string | null }>(
    t.db,
    sql`select message, rule_id from notifications where user_id = ${userId} and account_id = ${accountId}::uuid
      order by id`,
  );

describe("GET /api/v1/accounts/{id}/stage-history (L-6)", () => {
  it("lists the stage changes newest first, each with its time, rule, policy version and reason", async () => {
    const id = await makeAccount({ closeDate: "2026-08-01", swept: false });
    await sweep("2026-07-31", id);
    await sweep("2026-08-01", id);
    await sweep("2026-09-30", id);
    const res = await t.call("ta2@keel.test", `/api/v1/accounts/${id}/stage-history`);
    expect(res.status).toBe(200);
    expect(res.json.current).toMatchObject({ stage: "adopting", ruleId: "L-3", policyVersion: 3 });
    expect(res.json.changes).toMatchObject([
      {
        fromStage: "onboarding",
        toStage: "adopting",
        at: "2026-09-30T06:00:00.000Z",
        cause: { kind: "rule", ruleId: "L-3", policyVersion: 3 },
      },
      {
        fromStage: "prospect",
        toStage: "onboarding",
        at: "2026-08-01T06:00:00.000Z",
        cause: { kind: "rule", ruleId: "L-2", policyVersion: 3 },
      },
    ]);
    expect(res.json.changes[1].reason).toContain("day 0 of 60 since close on 2026-08-01");
    expect(res.json.changes[0].reason).toContain("after onboarding");
  });

  it("an unknown account is 404", async () => {
    expect((await t.call("ta@keel.test", `/api/v1/accounts/${randomUUID()}/stage-history`)).status).toBe(404);
  });
});

describe("PUT /api/v1/accounts/{id}/support-level (A-3 T-45, A-2)", () => {
  const put = (email: string, id: string, supportLevel: string, ifMatch?: string) =>
    t.call(email, `/api/v1/accounts/${id}/support-level`, {
      method: "PUT",
      body: { supportLevel },
      headers: ifMatch === undefined ? {} : { "If-Match": ifMatch },
    });

  it("needs If-Match (428) and a current version (412)", async () => {
    const id = await makeAccount();
    expect((await put("manager@keel.test", id, "dedicated")).status).toBe(428);
    const stale = await put("manager@keel.test", id, "dedicated", `"${(await versionOf(id)) + 5}"`);
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe("precondition_failed");
  });

  it("a manager sets it; A-2 segmentation runs in the same request and its firing is listed", async () => {
    const id = await makeAccount({ arrCents: 150_000_000 });
    const version = await versionOf(id);
    const res = await put("manager@keel.test", id, "pooled", `"${version}"`);
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBe(`"${version + 1}"`);
    expect(res.json).toMatchObject({
      supportLevel: "pooled",
      segment: "strategic",
      pooled: true,
      scaled: false,
    });
    const firings = await t.call("manager@keel.test", `/api/v1/playbooks/firings?accountId=${id}`);
    const segmentation = firings.json.items.filter(
      (f: { playbookId: string }) => f.playbookId === "customer-segmentation",
    );
    expect(segmentation).toHaveLength(1);
    expect(segmentation[0].reason).toContain("supportLevel was set");
    expect(segmentation[0].outcome).toMatchObject({ segment: "strategic", pooled: true });
  });

  it("a TA may not set it (403)", async () => {
    const id = await makeAccount();
    expect((await put("ta@keel.test", id, "dedicated", `"${await versionOf(id)}"`)).status).toBe(403);
  });

  it("A-2: a second change the same day segments again (pooled → scaled flags follow)", async () => {
    const id = await makeAccount({ arrCents: 3_000_000 });
    const first = await put("manager@keel.test", id, "pooled", `"${await versionOf(id)}"`);
    expect(first.json).toMatchObject({ pooled: true, scaled: false });
    const second = await put("manager@keel.test", id, "scaled", `"${await versionOf(id)}"`);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ supportLevel: "scaled", pooled: false, scaled: true });
  });

  it("A-2: setting it on an account the sweep has not seen yet still segments it", async () => {
    const id = await makeAccount({ arrCents: 150_000_000, swept: false });
    const res = await put("manager@keel.test", id, "dedicated", `"${await versionOf(id)}"`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ supportLevel: "dedicated", segment: "strategic" });
  });
});

describe("PUT /api/v1/accounts/{id}/team/{role} (A-3, A-5)", () => {
  const put = (email: string, id: string, role: string, userId: string | null, ifMatch?: string) =>
    t.call(email, `/api/v1/accounts/${id}/team/${role}`, {
      method: "PUT",
      body: { userId },
      headers: ifMatch === undefined ? {} : { "If-Match": ifMatch },
    });

  it("assigning a TA notifies them in the same request", async () => {
    const id = await makeAccount({ name: "Seat Co", ta: null });
    const version = await versionOf(id);
    expect((await put("manager@keel.test", id, "ta", "usr_ta2")).status).toBe(428);
    const res = await put("manager@keel.test", id, "ta", "usr_ta2", `"${version}"`);
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBe(`"${version + 1}"`);
    expect(await notificationsFor("usr_ta2", id)).toEqual([
      { message: "You are the TA for Seat Co (closes 2026-12-10)", rule_id: "A-3" },
    ]);
    expect((await put("manager@keel.test", id, "ta", "usr_ta3", `"${version}"`)).status).toBe(412);
  });

  it("A-5: reassigning the TA tells the previous TA and the new one, the same day", async () => {
    const id = await makeAccount({ name: "Handover Co", ta: null });
    await put("manager@keel.test", id, "ta", "usr_ta2", `"${await versionOf(id)}"`);
    const res = await put("manager@keel.test", id, "ta", "usr_ta3", `"${await versionOf(id)}"`);
    expect(res.status).toBe(200);
    expect((await notificationsFor("usr_ta2", id)).map((n) => n.rule_id)).toEqual(["A-3", "A-5"]);
    expect(await notificationsFor("usr_ta3", id)).toEqual([
      { message: "You are the TA for Handover Co (closes 2026-12-10)", rule_id: "A-3" },
    ]);
  });

  it("a person without the seat's role is refused with 422 on userId", async () => {
    const id = await makeAccount({ ta: null });
    const res = await put("manager@keel.test", id, "ta", "usr_ae", `"${await versionOf(id)}"`);
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([{ path: "userId", message: expect.stringContaining("ta, manager") }]);
    const seats = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from account_team where account_id = ${id}::uuid and role = 'ta'`,
    );
    expect(seats[0]!.n).toBe(0);
  });

  it("a TA may not assign seats (403)", async () => {
    const id = await makeAccount({ ta: null });
    const res = await put("ta@keel.test", id, "ta", "usr_ta", `"${await versionOf(id)}"`);
    expect(res.status).toBe(403);
    expect(await notificationsFor("usr_ta", id)).toEqual([]);
  });
});
