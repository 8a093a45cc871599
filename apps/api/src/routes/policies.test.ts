import { schema } from "@keel/db";
import { categorize, defaultHealthPolicy, type HealthCategory } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
});
afterAll(() => t.close());

const { version: _version, effectiveFrom: _effectiveFrom, ...defaultDraft } = defaultHealthPolicy;
/** stricter bands, same weights: scores stay, categories move. */
const strictDraft = {
  ...defaultDraft,
  name: "Strict bands",
  source: "test",
  bands: { green: 90, yellow: 70 },
};

async function storedCategories() {
  return t.db
    .select({
      id: schema.accountHealth.accountId,
      score: schema.accountHealth.score,
      category: schema.accountHealth.category,
    })
    .from(schema.accountHealth);
}

describe("GET /api/v1/health/policies (H-1, X-3)", () => {
  it("lists both handbook policies as published versions; seed 002 (v2) is in force", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/health/policies");
    expect(res.status).toBe(200);
    expect(res.json.inForceVersion).toBe(2);
    expect(res.json.items).toEqual([
      expect.objectContaining({
        version: 1,
        status: "published",
        effectiveFrom: "2022-01-01",
        inForce: false,
      }),
      expect.objectContaining({
        version: 2,
        status: "published",
        effectiveFrom: "2023-01-01",
        inForce: true,
      }),
    ]);
    expect(res.json.items[1].policy.categories.map((c: { weight: number }) => c.weight)).toEqual([
      5, 15, 25, 55,
    ]);
  });
});

describe("who may do what with policies (SPEC §1 matrix)", () => {
  const roles = ["ta", "manager", "ae", "ce", "exec", "admin"] as const;
  const mayDraft = new Set(["manager", "admin"]);

  it("drafts and previews: managers and admins; everyone else 403", async () => {
    for (const role of roles) {
      const created = await t.call(`${role}@keel.test`, "/api/v1/health/policies", {
        method: "POST",
        body: { ...defaultDraft, name: `Draft by ${role}` },
      });
      expect(created.status, `${role} drafting`).toBe(mayDraft.has(role) ? 201 : 403);
      const preview = await t.call(`${role}@keel.test`, "/api/v1/health/policies/2/preview", {
        method: "POST",
      });
      expect(preview.status, `${role} previewing`).toBe(mayDraft.has(role) ? 200 : 403);
    }
  });

  it("publishing: admins only", async () => {
    const draft = await t.call("manager@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: defaultDraft,
    });
    for (const role of roles.filter((r) => r !== "admin")) {
      const res = await t.call(`${role}@keel.test`, `/api/v1/health/policies/${draft.json.version}/publish`, {
        method: "POST",
      });
      expect(res.status, `${role} publishing`).toBe(403);
    }
  });
});

describe("drafts (X-2): create, edit with If-Match, published versions never change", () => {
  it("numbers drafts after the newest version and edits them with If-Match", async () => {
    const created = await t.call("manager@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: strictDraft,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "draft", effectiveFrom: null, inForce: false, revision: 1 });
    expect(created.headers.get("ETag")).toBe('"1"');
    const path = `/api/v1/health/policies/${created.json.version}`;

    expect((await t.call("manager@keel.test", path, { method: "PUT", body: strictDraft })).status).toBe(428);
    const stale = await t.call("manager@keel.test", path, {
      method: "PUT",
      body: strictDraft,
      headers: { "If-Match": '"7"' },
    });
    expect(stale.status).toBe(412);
    const edited = await t.call("manager@keel.test", path, {
      method: "PUT",
      body: { ...strictDraft, name: "Strict bands, edited" },
      headers: { "If-Match": '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ name: "Strict bands, edited", revision: 2 });
    expect((await t.call("ta@keel.test", path)).json.policy.name).toBe("Strict bands, edited");
  });

  it("refuses an inconsistent policy with the field path (422) and edits of a published version (409)", async () => {
    const bad = await t.call("manager@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: { ...defaultDraft, bands: { green: 50, yellow: 80 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.details.map((d: { path: string }) => d.path)).toContain("bands.yellow");
    const published = await t.call("admin@keel.test", "/api/v1/health/policies/2", {
      method: "PUT",
      body: defaultDraft,
      headers: { "If-Match": '"1"' },
    });
    expect(published.status).toBe(409);
  });
});

describe("POST /api/v1/health/policies/:version/preview (X-2 what-if)", () => {
  it("counts per category before/after and lists exactly the accounts that change; writes nothing", async () => {
    const draft = await t.call("manager@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: strictDraft,
    });
    const before = await storedCategories();
    const [revisions] = await t.db
      .select({ sum: sql<number>`sum(revision)::int` })
      .from(schema.accountHealth);

    const res = await t.call("manager@keel.test", `/api/v1/health/policies/${draft.json.version}/preview`, {
      method: "POST",
    });
    expect(res.status).toBe(200);

    // The oracle: same weights, so each stored score keeps; only the bands decide the category.
    const expectedBefore: Record<HealthCategory, number> = { green: 0, yellow: 0, red: 0, unknown: 0 };
    const expectedAfter: Record<HealthCategory, number> = { green: 0, yellow: 0, red: 0, unknown: 0 };
    const movers = new Set<string>();
    for (const row of before) {
      const next = categorize(row.score, strictDraft);
      expectedBefore[row.category] += 1;
      expectedAfter[next] += 1;
      if (next !== row.category) movers.add(row.id);
    }
    expect(res.json).toMatchObject({
      version: draft.json.version,
      inForceVersion: 2,
      asOf: "2026-11-01",
      accounts: before.length,
      before: expectedBefore,
      after: expectedAfter,
      changedCount: movers.size,
      scoreChangedCount: 0,
    });
    expect(movers.size).toBeGreaterThan(0);
    expect(new Set(res.json.changed.map((c: { id: string }) => c.id))).toEqual(movers);
    for (const change of res.json.changed) {
      expect(change.name).not.toBe("");
      expect(change.scoreBefore).toBe(change.scoreAfter);
      // Stricter bands only ever move an account down.
      expect(["green→yellow", "green→red", "yellow→red"]).toContain(`${change.from}→${change.to}`);
    }

    const [after] = await t.db.select({ sum: sql<number>`sum(revision)::int` }).from(schema.accountHealth);
    expect(after!.sum).toBe(revisions!.sum);
  });

  it("previews unsaved edits sent in the body (e.g. the editor's current weights)", async () => {
    const heavyUsage = {
      ...defaultDraft,
      categories: defaultDraft.categories.map((c) => ({ ...c, weight: c.id === "utilization" ? 90 : 5 })),
    };
    const res = await t.call("manager@keel.test", "/api/v1/health/policies/2/preview?limit=3", {
      method: "POST",
      body: { policy: heavyUsage },
    });
    expect(res.status).toBe(200);
    expect(res.json.scoreChangedCount).toBeGreaterThan(0);
    expect(res.json.changed.length).toBeLessThanOrEqual(3);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(res.json.before)).toBe(res.json.accounts);
    expect(sum(res.json.after)).toBe(res.json.accounts);
  });
});

describe("POST /api/v1/health/policies/:version/publish (X-3)", () => {
  it("puts the draft in force today and rescores the whole book under it in the request", async () => {
    const draft = await t.call("manager@keel.test", "/api/v1/health/policies", {
      method: "POST",
      body: strictDraft,
    });
    const version = draft.json.version as number;
    const preview = await t.call("manager@keel.test", `/api/v1/health/policies/${version}/preview`, {
      method: "POST",
    });

    const res = await t.call("admin@keel.test", `/api/v1/health/policies/${version}/publish`, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    const accounts = (await t.db.select({ id: schema.accounts.id }).from(schema.accounts)).length;
    expect(res.json.policy).toMatchObject({
      version,
      status: "published",
      effectiveFrom: "2026-11-01",
      inForce: true,
    });
    expect(res.json.recompute).toMatchObject({
      status: "done",
      accounts,
      written: accounts,
      policyVersion: version,
    });

    // Every score carries the new version; categories are what the preview said.
    const stored = await t.db
      .select({ policyVersion: schema.accountHealth.policyVersion, category: schema.accountHealth.category })
      .from(schema.accountHealth);
    expect(new Set(stored.map((s) => s.policyVersion))).toEqual(new Set([version]));
    const counts: Record<string, number> = { green: 0, yellow: 0, red: 0, unknown: 0 };
    for (const s of stored) counts[s.category]! += 1;
    expect(counts).toEqual(preview.json.after);

    // Snapshots record the new version, and the trend marks the change of policy.
    const moved = preview.json.changed[0].id as string;
    const [snapshot] = await t.db
      .select()
      .from(schema.healthSnapshots)
      .where(
        and(eq(schema.healthSnapshots.accountId, moved), eq(schema.healthSnapshots.policyVersion, version)),
      );
    expect(snapshot).toMatchObject({ cause: `policy v${version} published` });
    const history = await t.call("ta@keel.test", `/api/v1/accounts/${moved}/health/history`);
    const last = history.json.items.at(-1);
    expect(last).toMatchObject({ policyVersion: version, policyChanged: true });

    const list = await t.call("ta@keel.test", "/api/v1/health/policies");
    expect(list.json.inForceVersion).toBe(version);
    const again = await t.call("admin@keel.test", `/api/v1/health/policies/${version}/publish`, {
      method: "POST",
    });
    expect(again.status).toBe(409);

    // an old day is still scored under the policy in force then.
    const past = await t.call("ta@keel.test", `/api/v1/accounts/${moved}/health/as-of?date=2026-10-15`);
    expect(past.json.policyVersion).toBe(2);
  });
});

describe("X-8 export / import as versioned JSON", () => {
  it("exports a version and imports it back as a new draft", async () => {
    const exported = await t.call("ta@keel.test", "/api/v1/health/policies/1/export");
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({
      kind: "keel.health-policy",
      schemaVersion: 1,
      policy: { version: 1 },
    });

    const imported = await t.call("manager@keel.test", "/api/v1/health/policies/import", {
      method: "POST",
      body: exported.json,
    });
    expect(imported.status).toBe(201);
    expect(imported.json).toMatchObject({ status: "draft", name: exported.json.policy.name });
    expect(imported.json.version).toBeGreaterThan(2);
    expect(imported.json.policy.categories).toEqual(exported.json.policy.categories);

    const wrong = await t.call("manager@keel.test", "/api/v1/health/policies/import", {
      method: "POST",
      body: { ...exported.json, schemaVersion: 9 },
    });
    expect(wrong.status).toBe(400);
  });
});

describe("OpenAPI", () => {
  it("documents the health, policy, API key and ingestion routes", async () => {
    const res = await t.app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, unknown>;
      components: Record<string, Record<string, unknown>>;
    };
    for (const path of [
      "/api/v1/accounts/{id}/health",
      "/api/v1/accounts/{id}/health/as-of",
      "/api/v1/accounts/{id}/traits",
      "/api/v1/health/category-changes",
      "/api/v1/health/policies/{version}/preview",
      "/api/v1/api-keys",
      "/api/v1/ingest/usage",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.components.schemas!)).toEqual(
      expect.arrayContaining(["UsageRecord", "AccountHealth"]),
    );
    expect(Object.keys(doc.components.securitySchemes!)).toContain("apiKey");
  });
});
