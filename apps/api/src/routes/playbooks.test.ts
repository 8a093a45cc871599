import { randomUUID } from "node:crypto";
import { queryRows, schema } from "@keel/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
/** ta@keel.test's prospect whose hand-off (A-3, T-30) is due today: nothing has fired for it yet. */
let handoffDue: string;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  handoffDue = randomUUID();
  await t.db.insert(schema.accounts).values({
    id: handoffDue,
    name: "Dry Run Prospect",
    domain: "dry-run-prospect.example",
    arrCents: 30_000_000,
    seatsPurchased: 100,
    closeDate: "2026-12-01",
    renewalDate: null,
    supportLevel: "dedicated",
    supportLevelSetAt: new Date("2026-10-17T00:00:00Z"),
    segment: "enterprise",
    lifecycleStage: "prospect",
    deployment: "cloud",
  });
  await t.db.insert(schema.accountTeam).values([
    { accountId: handoffDue, role: "ta", userId: "usr_ta" },
    { accountId: handoffDue, role: "ce", userId: "usr_ce" },
  ]);
});
afterAll(() => t.close());

type DryRunItem = {
  accountId: string;
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  reason: string;
  summary: string;
  alreadyFired: boolean;
};

describe("GET /api/v1/playbooks/dry-run (X-1)", () => {
  it("lists what fires today for one account with reasons, and writes nothing", async () => {
    const firingsBefore = await count("playbook_firings");
    const res = await t.call("ta@keel.test", `/api/v1/playbooks/dry-run?accountId=${handoffDue}`);
    expect(res.status).toBe(200);
    expect(res.json.today).toBe(TEST_TODAY);
    const handoff = (res.json.items as DryRunItem[]).filter(
      (i) => i.playbookId === "pre-to-post-sales-handoff",
    );
    expect(handoff).toHaveLength(2);
    expect(handoff[0]).toMatchObject({
      accountId: handoffDue,
      ruleId: "A-3",
      playbookVersion: 2,
      alreadyFired: false,
    });
    expect(handoff[0]!.reason).toContain("closeDate-30 days: closeDate 2026-12-01 → 2026-11-01");
    expect(handoff.map((i) => i.summary)).toEqual([
      "document from the handoff template (owner: CE)",
      expect.stringContaining("task for the CE: Fill out the Handoff Doc"),
    ]);
    expect(await count("playbook_firings")).toBe(firingsBefore);
  });

  it("?date= plans another day: the day before T-30 nothing of the hand-off fires", async () => {
    const res = await t.call(
      "ta@keel.test",
      `/api/v1/playbooks/dry-run?accountId=${handoffDue}&date=2026-10-31`,
    );
    expect(res.status).toBe(200);
    expect((res.json.items as DryRunItem[]).some((i) => i.playbookId === "pre-to-post-sales-handoff")).toBe(
      false,
    );
  });

  it("includeFired=true also lists what today's sweep already did, marked alreadyFired", async () => {
    const without = await t.call("ta@keel.test", "/api/v1/playbooks/dry-run");
    const withFired = await t.call("ta@keel.test", "/api/v1/playbooks/dry-run?includeFired=true");
    expect(without.status).toBe(200);
    expect(withFired.status).toBe(200);
    const all = withFired.json.items as DryRunItem[];
    expect(all.some((i) => i.alreadyFired)).toBe(true);
    expect((without.json.items as DryRunItem[]).every((i) => !i.alreadyFired)).toBe(true);
    expect(without.json.items).toEqual(all.filter((i) => !i.alreadyFired));
    // The seed's sweep ran this morning: the monthly refresh (M-7) for November is done.
    expect(all.filter((i) => i.ruleId === "M-7").every((i) => i.alreadyFired)).toBe(true);
  });

  it("scope=mine covers the accounts where the TA holds a seat; scope=book is for managers only", async () => {
    const [seats] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(distinct account_id)::int as n from account_team where user_id = 'usr_ta'`,
    );
    const mine = await t.call("ta@keel.test", "/api/v1/playbooks/dry-run?scope=mine");
    expect(mine.status).toBe(200);
    expect(mine.json.accounts).toBe(seats!.n);
    const book = await t.call("manager@keel.test", "/api/v1/playbooks/dry-run?scope=book&includeFired=true");
    expect(book.status).toBe(200);
    expect(book.json.accounts).toBe(await count("accounts"));
    expect(book.json.accounts).toBeGreaterThan(mine.json.accounts);
    const denied = await t.call("ta@keel.test", "/api/v1/playbooks/dry-run?scope=book");
    expect(denied.status).toBe(403);
    expect(denied.json.code).toBe("forbidden");
  });
});

describe("GET /api/v1/playbooks/firings", () => {
  it("shows what playbooks did for an account, with version, rule and reason", async () => {
    const [account] = await queryRows<{ id: string }>(
      t.db,
      sql`select account_id::text as id from playbook_firings where playbook_id = 'monthly-manual-trait-refresh' limit 1`,
    );
    const res = await t.call("ta@keel.test", `/api/v1/playbooks/firings?accountId=${account!.id}`);
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    for (const item of res.json.items) {
      expect(item.accountId).toBe(account!.id);
      expect(item.reason).toContain(item.ruleId);
      expect(item.playbookVersion).toBeGreaterThan(0);
    }
    expect((await t.call("ta@keel.test", "/api/v1/playbooks/firings")).status).toBe(403);
  });
});

describe("X-8 export and import", () => {
  it("an export imported again changes nothing", async () => {
    const exported = await t.call("admin@keel.test", "/api/v1/playbooks/export");
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ kind: "keel.playbooks", schemaVersion: 1 });
    expect(exported.json.playbooks.length).toBeGreaterThanOrEqual(13);
    const versionsBefore = await count("playbooks");
    const imported = await t.call("admin@keel.test", "/api/v1/playbooks/import", {
      method: "POST",
      body: exported.json,
    });
    expect(imported.status).toBe(200);
    expect(imported.json.playbooks.added).toEqual([]);
    expect(imported.json.documentTemplates.added).toEqual([]);
    expect(imported.json.projectTemplates.added).toEqual([]);
    expect(imported.json.playbooks.unchanged).toHaveLength(exported.json.playbooks.length);
    expect(await count("playbooks")).toBe(versionsBefore);
    const again = await t.call("admin@keel.test", "/api/v1/playbooks/export");
    expect(again.json).toEqual(exported.json);
  });

  it("an invalid file is rejected whole with the path of every error, and nothing is saved", async () => {
    const exported = (await t.call("admin@keel.test", "/api/v1/playbooks/export")).json;
    const file = structuredClone(exported);
    file.playbooks[0].triggers = [];
    file.documentTemplates[0].sections[0].body = "Hello {{account.nickname}}";
    // A valid change in the same file must not be saved either.
    file.playbooks[1].name = `${file.playbooks[1].name} (edited)`;
    const before = { playbooks: await count("playbooks"), templates: await count("document_templates") };
    const res = await t.call("admin@keel.test", "/api/v1/playbooks/import", { method: "POST", body: file });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    const paths = (res.json.details as { path: string }[]).map((d) => d.path);
    expect(paths).toContain("playbooks[0].triggers");
    expect(paths).toContain("documentTemplates[0].sections[0].body");
    expect({ playbooks: await count("playbooks"), templates: await count("document_templates") }).toEqual(
      before,
    );
    expect((await t.call("admin@keel.test", "/api/v1/playbooks/export")).json).toEqual(exported);
  });

  it("only an admin may import", async () => {
    const exported = (await t.call("admin@keel.test", "/api/v1/playbooks/export")).json;
    const res = await t.call("manager@keel.test", "/api/v1/playbooks/import", {
      method: "POST",
      body: exported,
    });
    expect(res.status).toBe(403);
  });
});

describe("PUT /api/v1/playbooks/{id} (X-3)", () => {
  const edit = async (email: string, id: string, change: (body: Record<string, unknown>) => void) => {
    const current = (await t.call(email, `/api/v1/playbooks/${id}`)).json.playbook;
    const { id: _id, version: _version, ...body } = current;
    change(body);
    return t.call(email, `/api/v1/playbooks/${id}`, { method: "PUT", body });
  };

  it("an admin's edit is saved as version 2 and the history keeps version 1", async () => {
    const res = await edit("admin@keel.test", "contact-cadence", (body) => {
      (body.actions as { title: string }[])[0]!.title = "Call them with something of value";
    });
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(true);
    expect(res.json.playbook).toMatchObject({ id: "contact-cadence", version: 2 });
    const detail = await t.call("ta@keel.test", "/api/v1/playbooks/contact-cadence");
    expect(detail.status).toBe(200);
    expect(detail.json.playbook.actions[0].title).toBe("Call them with something of value");
    expect(detail.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.json.versions[0].createdBy).toBe("Adrian Kowalski");
    const v1 = await t.call("ta@keel.test", "/api/v1/playbooks/contact-cadence?version=1");
    expect(v1.json.playbook.actions[0].title).toMatch(/^Reach out with something of value/);
    const list = await t.call("ta@keel.test", "/api/v1/playbooks");
    expect(list.json.items.find((p: { id: string }) => p.id === "contact-cadence")).toMatchObject({
      version: 2,
      versions: 2,
    });
  });

  it("a TA may not edit a playbook", async () => {
    const res = await edit("ta@keel.test", "contact-tagging", (body) => {
      body.name = "Mine now";
    });
    expect(res.status).toBe(403);
    expect((await t.call("ta@keel.test", "/api/v1/playbooks/contact-tagging")).json.versions).toHaveLength(1);
  });

  it("naming a template that does not exist is refused with 422 and the action's path", async () => {
    const res = await edit("admin@keel.test", "renewal-health-assessment", (body) => {
      (body.actions as { templateId: string }[])[0]!.templateId = "no-such-template";
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("unprocessable");
    expect(res.json.details).toEqual([{ path: "actions.0.templateId", message: expect.any(String) }]);
    expect(
      (await t.call("admin@keel.test", "/api/v1/playbooks/renewal-health-assessment")).json.versions,
    ).toHaveLength(1);
  });
});
