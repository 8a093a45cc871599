import { schema } from "@keel/db";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
/** An account whose TA is ta@keel.test, CE ce@keel.test and AE ae@keel.test. */
let ownAccount: { id: string; name: string };
/** An account where ta@keel.test holds no seat. */
let otherAccountId: string;

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const seat = (role: string, userId: string) =>
    sql`exists (select 1 from account_team s where s.account_id = ${schema.accounts.id} and s.role = ${role} and s.user_id = ${userId})`;
  const [own] = await t.db
    .select({ id: schema.accounts.id, name: schema.accounts.name })
    .from(schema.accounts)
    .where(and(seat("ta", "usr_ta"), seat("ce", "usr_ce"), seat("ae", "usr_ae")))
    .limit(1);
  const [other] = await t.db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(
      and(
        seat("ta", "usr_ta2"),
        sql`not exists (select 1 from account_team s where s.account_id = ${schema.accounts.id} and s.user_id = 'usr_ta')`,
      ),
    )
    .limit(1);
  ownAccount = own!;
  otherAccountId = other!.id;
});
afterAll(() => t.close());

function createDocument(email: string, accountId: string, templateId: string) {
  return t.call(email, `/api/v1/accounts/${accountId}/documents`, { method: "POST", body: { templateId } });
}

function saveDocument(email: string, id: string, body: unknown, version?: number) {
  return t.call(email, `/api/v1/documents/${id}`, {
    method: "PUT",
    body,
    headers: version === undefined ? {} : { "If-Match": `"${version}"` },
  });
}

const edited = {
  title: "Success Plan (Q4)",
  sections: [
    { id: "north-star", heading: "North Star goals", body: "80% MAU/seats by January" },
    { id: "asks", heading: "Asks from the business", body: "SSO rollout" },
  ],
};

describe("documents from templates (M-2)", () => {
  let docId: string;

  it("M-2: creates a document from a template, its variables filled from the account (201)", async () => {
    const res = await createDocument("ta@keel.test", ownAccount.id, "success-plan");
    expect(res.status).toBe(201);
    expect(res.headers.get("ETag")).toBe('"1"');
    expect(res.json).toMatchObject({
      accountId: ownAccount.id,
      accountName: ownAccount.name,
      title: `Success Plan: ${ownAccount.name}`,
      templateId: "success-plan",
      templateVersion: 1,
      owner: { id: "usr_ta", name: "Tess Alvarez" },
      version: 1,
      origin: { kind: "person", createdBy: { id: "usr_ta" } },
      editedBy: { id: "usr_ta" },
      versions: [{ version: 1, editedBy: { id: "usr_ta" } }],
    });
    expect(res.json.sections.map((s: { id: string }) => s.id)).toEqual([
      "north-star",
      "action-plan",
      "relationships",
      "asks",
    ]);
    docId = res.json.id;
    const list = await t.call("ae@keel.test", `/api/v1/accounts/${ownAccount.id}/documents`);
    expect(list.status).toBe(200);
    expect(list.json.find((d: { id: string }) => d.id === docId)).toMatchObject({
      version: 1,
      title: res.json.title,
    });
  });

  it("M-2: saving adds version 2 and keeps version 1 readable", async () => {
    const saved = await saveDocument("ta@keel.test", docId, edited, 1);
    expect(saved.status).toBe(200);
    expect(saved.headers.get("ETag")).toBe('"2"');
    expect(saved.json).toMatchObject({ version: 2, title: edited.title, sections: edited.sections });
    expect(saved.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const current = await t.call("exec@keel.test", `/api/v1/documents/${docId}`);
    expect(current.json).toMatchObject({ version: 2, title: edited.title, sections: edited.sections });
    const v1 = await t.call("exec@keel.test", `/api/v1/documents/${docId}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.json).toMatchObject({ version: 1, title: `Success Plan: ${ownAccount.name}` });
    expect(v1.json.sections).toHaveLength(4);
    const v2 = await t.call("exec@keel.test", `/api/v1/documents/${docId}/versions/2`);
    expect(v2.json).toMatchObject({ version: 2, sections: edited.sections, editedBy: { id: "usr_ta" } });
    expect((await t.call("exec@keel.test", `/api/v1/documents/${docId}/versions/3`)).status).toBe(404);
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, docId), eq(schema.auditLog.action, "document.save")));
    expect(audit?.actorId).toBe("usr_ta");
  });

  it("M-2: answers 412 on a stale version and 428 without If-Match, keeping what was there", async () => {
    const stale = await saveDocument("ta@keel.test", docId, { ...edited, title: "Lost edit" }, 1);
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: "precondition_failed", details: { currentVersion: 2 } });
    const missing = await saveDocument("ta@keel.test", docId, edited);
    expect(missing.status).toBe(428);
    const current = await t.call("ta@keel.test", `/api/v1/documents/${docId}`);
    expect(current.json).toMatchObject({ version: 2, title: edited.title });
  });

  it("M-2: an AE may read but not edit or create documents (403)", async () => {
    expect((await saveDocument("ae@keel.test", docId, edited, 2)).status).toBe(403);
    expect((await createDocument("ae@keel.test", ownAccount.id, "success-plan")).status).toBe(403);
    expect((await t.call("ae@keel.test", `/api/v1/documents/${docId}`)).status).toBe(200);
    expect((await saveDocument("ta2@keel.test", docId, edited, 2)).status).toBe(403);
  });

  it("M-2: the CE fills hand-off documents on their accounts, not other documents", async () => {
    const handoff = await createDocument("ce@keel.test", ownAccount.id, "handoff");
    expect(handoff.status).toBe(201);
    expect(handoff.json.title).toBe(`Handoff: ${ownAccount.name}`);
    const filled = await saveDocument(
      "ce@keel.test",
      handoff.json.id,
      {
        title: handoff.json.title,
        sections: handoff.json.sections.map((s: object) => ({ ...s, body: "Filled" })),
      },
      1,
    );
    expect(filled.status).toBe(200);
    expect(filled.json.version).toBe(2);
    expect((await saveDocument("ce@keel.test", docId, edited, 2)).status).toBe(403);
    expect((await createDocument("ce@keel.test", ownAccount.id, "success-plan")).status).toBe(403);
    expect((await createDocument("ce@keel.test", otherAccountId, "handoff")).status).toBe(403);
  });

  it("M-2: the TA sees documents playbooks made, with their rule and reason", async () => {
    const [row] = await t.db
      .select({ accountId: schema.documents.accountId, id: schema.documents.id })
      .from(schema.documents)
      .where(isNotNull(schema.documents.firingKey))
      .limit(1);
    expect(row).toBeDefined();
    const list = await t.call("ta@keel.test", `/api/v1/accounts/${row!.accountId}/documents`);
    const doc = list.json.find((d: { id: string }) => d.id === row!.id);
    expect(doc.origin).toMatchObject({
      kind: "playbook",
      playbookId: expect.any(String),
      playbookVersion: expect.any(Number),
      ruleId: expect.any(String),
      reason: expect.any(String),
    });
  });

  it("answers 422 for an unknown template or repeated section ids, 404 for unknown accounts and documents, 400 for bad bodies", async () => {
    const unknownTemplate = await createDocument("ta@keel.test", ownAccount.id, "no-such-template");
    expect(unknownTemplate.status).toBe(422);
    expect(unknownTemplate.json.details).toEqual([{ path: "templateId", message: expect.any(String) }]);
    expect((await createDocument("ta@keel.test", UNKNOWN_ID, "success-plan")).status).toBe(404);
    expect((await t.call("ta@keel.test", `/api/v1/documents/${UNKNOWN_ID}`)).status).toBe(404);
    const duplicate = await saveDocument(
      "ta@keel.test",
      docId,
      { title: "x", sections: [edited.sections[0], edited.sections[0]] },
      2,
    );
    // Well-formed by the OpenAPI document, but inconsistent: 422 (docs/security.md "Input").
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.details[0].path).toBe("sections");
    const noHeading = await saveDocument(
      "ta@keel.test",
      docId,
      { title: "x", sections: [{ id: "a", heading: "", body: "" }] },
      2,
    );
    expect(noHeading.status).toBe(400);
    expect(noHeading.json.details[0].path).toBe("sections.0.heading");
  });
});
