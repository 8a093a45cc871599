import { schema } from "@keel/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
});
afterAll(() => t.close());

describe("sign-in and sessions", () => {
  it("refuses /api/v1 without a session with 401 JSON", async () => {
    const res = await t.call(null, "/api/v1/accounts");
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: "unauthenticated", requestId: expect.any(String) });
  });

  it("refuses a wrong password", async () => {
    await expect(t.signIn("ta@keel.test", "wrong-password")).rejects.toThrow(/401/);
  });

  it("answers /me with the user's roles", async () => {
    const res = await t.call("manager@keel.test", "/api/v1/me");
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ email: "manager@keel.test", roles: ["manager"] });
    expect(res.json.permissions).toContain("policy.editDraft");
  });

  it("signs out: the old cookie no longer works", async () => {
    const cookie = await t.signIn("exec@keel.test");
    const out = await t.app.request("/api/auth/sign-out", {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost:3000", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    const after = await t.app.request("/api/v1/me", { headers: { Cookie: cookie } });
    expect(after.status).toBe(401);
  });
});

describe("GET /api/v1/accounts (book of business)", () => {
  it("ta=mine lists only the signed-in TA's accounts", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/accounts?ta=mine&pageSize=500");
    expect(res.status).toBe(200);
    expect(res.json.total).toBeGreaterThan(10);
    expect(res.json.items.length).toBe(res.json.total);
    for (const account of res.json.items) expect(account.ta.email).toBe("ta@keel.test");
  });

  it("filters by segment, stage and renewal window", async () => {
    const bySegment = await t.call("ta@keel.test", "/api/v1/accounts?segment=enterprise&pageSize=500");
    expect(bySegment.json.items.length).toBeGreaterThan(0);
    expect(bySegment.json.items.every((a: { segment: string }) => a.segment === "enterprise")).toBe(true);

    const byStage = await t.call("ta@keel.test", "/api/v1/accounts?stage=renewing&pageSize=500");
    expect(byStage.json.items.every((a: { lifecycleStage: string }) => a.lifecycleStage === "renewing")).toBe(
      true,
    );

    const renewing = await t.call("ta@keel.test", "/api/v1/accounts?renewalWithinDays=180&pageSize=500");
    expect(renewing.json.items.length).toBeGreaterThan(0);
    for (const a of renewing.json.items) {
      expect(a.daysToRenewal).toBeGreaterThanOrEqual(0);
      expect(a.daysToRenewal).toBeLessThanOrEqual(180);
    }
  });

  it("sorts by ARR descending and pages with a stable total", async () => {
    const first = await t.call("ta@keel.test", "/api/v1/accounts?sort=arr&order=desc&pageSize=10");
    const second = await t.call("ta@keel.test", "/api/v1/accounts?sort=arr&order=desc&pageSize=10&page=2");
    const arrs = [...first.json.items, ...second.json.items].map((a: { arrCents: number }) => a.arrCents);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    expect(first.json.total).toBe(120);
    expect(second.json.total).toBe(120);
    const ids = new Set([...first.json.items, ...second.json.items].map((a: { id: string }) => a.id));
    expect(ids.size).toBe(20);
  });

  it("names the bad field in a 400", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/accounts?segment=galactic&pageSize=0");
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_failed");
    expect(res.json.message).toContain("segment");
    expect(res.json.message).toContain("pageSize");
    expect(res.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["pageSize", "segment"]);
  });
});

describe("GET /api/v1/accounts/:id", () => {
  it("returns every A-1 field, the team, and what the TA may do on their own account", async () => {
    const mine = await t.call("ta@keel.test", "/api/v1/accounts?ta=mine&pageSize=1");
    const id = mine.json.items[0].id;
    const res = await t.call("ta@keel.test", `/api/v1/accounts/${id}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.account).sort()).toEqual(
      [
        "arrCents",
        "closeDate",
        "contractStart",
        "crmId",
        "currency",
        "deployment",
        "domain",
        "id",
        "instanceId",
        "instanceVersion",
        "lifecycleStage",
        "name",
        "pooled",
        "redAccount",
        "renewalDate",
        "scaled",
        "seatsPurchased",
        "segment",
        "supportLevel",
        "supportLevelSetAt",
        "team",
        "version",
      ].sort(),
    );
    expect(res.json.account.team.ta.email).toBe("ta@keel.test");
    expect(res.json.permissions).toContain("account.tagContacts");
    expect(res.json.permissions).not.toContain("account.assignTeam");
  });

  it("lets a TA read another TA's account but not change it", async () => {
    const theirs = await t.call("ta2@keel.test", "/api/v1/accounts?ta=mine&pageSize=1");
    const res = await t.call("ta@keel.test", `/api/v1/accounts/${theirs.json.items[0].id}`);
    expect(res.status).toBe(200);
    expect(res.json.permissions).toEqual(["account.read", "account.comment"]);
  });

  it("answers 404 for an unknown account and 400 for a malformed id", async () => {
    const unknown = await t.call("ta@keel.test", "/api/v1/accounts/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe("not_found");
    const malformed = await t.call("ta@keel.test", "/api/v1/accounts/not-a-uuid");
    expect(malformed.status).toBe(400);
  });

  it("lists the account's contacts with roles", async () => {
    const [account] = await t.db.select().from(schema.accounts).limit(1);
    const res = await t.call("ae@keel.test", `/api/v1/accounts/${account!.id}/contacts`);
    expect(res.status).toBe(200);
    const stored = await t.db
      .select()
      .from(schema.contacts)
      .where(eq(schema.contacts.accountId, account!.id));
    expect(res.json.items).toHaveLength(stored.length);
    expect(res.json.items[0]).toHaveProperty("roles");
  });
});

describe("errors and documents", () => {
  it("answers unknown API routes with 404 JSON", async () => {
    const anonymous = await t.call(null, "/api/nope");
    expect(anonymous.status).toBe(404);
    expect(anonymous.json.code).toBe("not_found");
    const signedIn = await t.call("ta@keel.test", "/api/v1/nope");
    expect(signedIn.status).toBe(404);
    expect(signedIn.json.code).toBe("not_found");
  });

  it("serves a health check, the OpenAPI document and a reference page", async () => {
    expect((await t.call(null, "/api/health")).json).toEqual({ status: "ok" });
    const doc = await t.call(null, "/api/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/accounts",
        "/api/v1/accounts/{id}",
        "/api/v1/contacts",
        "/api/v1/contacts/{id}",
      ]),
    );
    const page = await t.call(null, "/api/reference");
    expect(page.text).toContain("/api/reference/standalone.js");
    const script = await t.app.request("/api/reference/standalone.js");
    expect(script.status).toBe(200);
  });

  it("rejects an oversized body with 413 JSON", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/contacts/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      body: JSON.stringify({ title: "x".repeat(1_100_000) }),
      headers: { "If-Match": '"1"' },
    });
    expect(res.status).toBe(413);
    expect(res.json.code).toBe("payload_too_large");
  });
});
