import { schema } from "@keel/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
/** A contact on an account whose TA is ta@keel.test, CE ce@keel.test and AE ae@keel.test. */
let ownContact: { id: string; accountId: string };
/** A contact on an account of ta2@keel.test. */
let otherContact: { id: string; accountId: string };

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const seat = (role: string, userId: string) =>
    sql`exists (select 1 from account_team s where s.account_id = ${schema.contacts.accountId} and s.role = ${role} and s.user_id = ${userId})`;
  const [own] = await t.db
    .select({ id: schema.contacts.id, accountId: schema.contacts.accountId })
    .from(schema.contacts)
    .where(and(seat("ta", "usr_ta"), seat("ce", "usr_ce"), seat("ae", "usr_ae")))
    .limit(1);
  const [other] = await t.db
    .select({ id: schema.contacts.id, accountId: schema.contacts.accountId })
    .from(schema.contacts)
    .where(and(seat("ta", "usr_ta2"), sql`not ${seat("ce", "usr_ce")}`, sql`not ${seat("ae", "usr_ae")}`))
    .limit(1);
  ownContact = own!;
  otherContact = other!;
});
afterAll(() => t.close());

async function versionOf(id: string) {
  const [row] = await t.db.select().from(schema.contacts).where(eq(schema.contacts.id, id));
  return row!.version;
}

function patch(email: string, id: string, body: unknown, version?: number | string) {
  return t.call(email, `/api/v1/contacts/${id}`, {
    method: "PATCH",
    body,
    headers:
      version === undefined ? {} : { "If-Match": typeof version === "number" ? `"${version}"` : version },
  });
}

describe("PATCH /api/v1/contacts/:id — role tagging (C-1, C-2)", () => {
  it("C-2: tagging Instance Admin sets instance admin = Yes; removing it sets No", async () => {
    const version = await versionOf(ownContact.id);
    const tagged = await patch(
      "ta@keel.test",
      ownContact.id,
      { roles: ["champion", "instance-admin"] },
      version,
    );
    expect(tagged.status).toBe(200);
    expect(tagged.json).toMatchObject({
      roles: ["champion", "instance-admin"],
      instanceAdmin: true,
      version: version + 1,
    });
    expect(tagged.headers.get("ETag")).toBe(`"${version + 1}"`);

    const untagged = await patch("ta@keel.test", ownContact.id, { instanceAdmin: false }, version + 1);
    expect(untagged.json).toMatchObject({ roles: ["champion"], instanceAdmin: false });
  });

  it("writes every change to the audit log with before and after", async () => {
    const [entry] = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, ownContact.id))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorId: "usr_ta", action: "contact.update", entity: "contact" });
    expect((entry!.before as { instanceAdmin: boolean }).instanceAdmin).toBe(true);
    expect((entry!.after as { instanceAdmin: boolean }).instanceAdmin).toBe(false);
  });

  it("answers 412 to a stale If-Match and 428 without one, losing nothing", async () => {
    const version = await versionOf(ownContact.id);
    const stale = await patch("ta@keel.test", ownContact.id, { title: "Stale edit" }, version - 1);
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: "precondition_failed", details: { currentVersion: version } });
    const missing = await patch("ta@keel.test", ownContact.id, { title: "No version" });
    expect(missing.status).toBe(428);
    expect(await versionOf(ownContact.id)).toBe(version);
  });

  it("rejects malformed JSON, unknown fields, unknown roles and an empty patch with 400", async () => {
    const version = await versionOf(ownContact.id);
    const malformed = await patch("ta@keel.test", ownContact.id, "{not json", version);
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe("bad_request");
    const unknownField = await patch("ta@keel.test", ownContact.id, { nickname: "x" }, version);
    expect(unknownField.status).toBe(400);
    expect(unknownField.json.message).toContain("nickname");
    const unknownRole = await patch("ta@keel.test", ownContact.id, { roles: ["wizard"] }, version);
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.json.details[0].path).toBe("roles.0");
    const empty = await patch("ta@keel.test", ownContact.id, {}, version);
    expect(empty.status).toBe(400);
    const badEmail = await patch("ta@keel.test", ownContact.id, { email: "not-an-email" }, version);
    expect(badEmail.status).toBe(400);
    expect(await versionOf(ownContact.id)).toBe(version);
  });

  it("answers 404 for an unknown contact", async () => {
    const res = await patch("ta@keel.test", "00000000-0000-4000-8000-000000000000", { title: "x" }, 1);
    expect(res.status).toBe(404);
  });
});

describe("authorization matrix for tagging contacts (SPEC §1)", () => {
  // Who may tag a contact: the account's TA, the account's CE, any manager, any admin.
  const cases: Array<[string, "own" | "other", number]> = [
    ["ta@keel.test", "own", 200],
    ["ta@keel.test", "other", 403],
    ["ce@keel.test", "own", 200],
    ["ce@keel.test", "other", 403],
    ["ae@keel.test", "own", 403],
    ["exec@keel.test", "own", 403],
    ["manager@keel.test", "other", 200],
    ["admin@keel.test", "other", 200],
  ];
  it.each(cases)("%s on %s account → %i", async (email, which, status) => {
    const contact = which === "own" ? ownContact : otherContact;
    const version = await versionOf(contact.id);
    const res = await patch(email, contact.id, { title: `Edited by ${email}` }, version);
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.json.code).toBe("forbidden");
      expect(await versionOf(contact.id)).toBe(version);
    }
  });

  it("refuses anonymous writes with 401", async () => {
    const res = await patch(null as unknown as string, ownContact.id, { title: "x" }, 1);
    expect(res.status).toBe(401);
  });
});

describe("GET /api/v1/contacts", () => {
  it("missingRoles=true lists only untagged contacts, grouped by account", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/contacts?missingRoles=true&pageSize=500");
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    for (const contact of res.json.items) expect(contact.roles).toEqual([]);
    // Grouped: each account's contacts stand together.
    const ids: string[] = res.json.items.map((c: { accountId: string }) => c.accountId);
    const runs = ids.filter((id, i) => i === 0 || ids[i - 1] !== id);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it("ta=mine narrows to the TA's accounts", async () => {
    const all = await t.call("ta@keel.test", "/api/v1/contacts?pageSize=500");
    const mine = await t.call("ta@keel.test", "/api/v1/contacts?ta=mine&pageSize=500");
    expect(mine.json.total).toBeGreaterThan(0);
    expect(mine.json.total).toBeLessThan(all.json.total);
  });
});
