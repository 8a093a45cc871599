import { schema } from "@keel/db";
import { documentVariables } from "@keel/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
let ownAccountId: string;

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const [own] = await t.db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(
      sql`exists (select 1 from account_team s where s.account_id = ${schema.accounts.id} and s.role = 'ta' and s.user_id = 'usr_ta')`,
    )
    .limit(1);
  ownAccountId = own!.id;
});
afterAll(() => t.close());

function saveTemplate(email: string, id: string, body: unknown) {
  return t.call(email, `/api/v1/templates/${id}`, { method: "PUT", body });
}

async function versionsOf(id: string) {
  const rows = await t.db
    .select({ version: schema.documentTemplates.version })
    .from(schema.documentTemplates)
    .where(eq(schema.documentTemplates.id, id));
  return rows.map((r) => r.version).sort();
}

describe("document templates (M-2)", () => {
  it("M-2: lists the newest version of each handbook template", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/templates");
    expect(res.status).toBe(200);
    expect(res.json.map((tpl: { id: string }) => tpl.id).sort()).toEqual(
      expect.arrayContaining(["handoff", "health-assessment", "success-plan", "ta-to-ta-handoff"]),
    );
    expect(res.json.find((tpl: { id: string }) => tpl.id === "handoff")).toMatchObject({
      name: "Handoff Doc",
      version: 1,
      source: expect.any(String),
      sectionCount: 8,
    });
    const variables = await t.call("ta@keel.test", "/api/v1/template-variables");
    expect(variables.json).toEqual([...documentVariables]);
  });

  it("M-2: an unknown variable is refused at save time with its path (422), nothing saved", async () => {
    const current = await t.call("admin@keel.test", "/api/v1/templates/success-plan");
    const { version: _v, versions: _vs, createdAt: _c, createdBy: _b, ...body } = current.json;
    body.sections[2].body = "Who is the champion at {{account.nmae}}?";
    const res = await saveTemplate("admin@keel.test", "success-plan", body);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: "unprocessable",
      details: [{ path: "sections.2.body", message: "unknown variable {{account.nmae}}" }],
    });
    expect(await versionsOf("success-plan")).toEqual([1]);
  });

  it("M-2: a save is the next version; the older version stays readable and documents keep theirs", async () => {
    const before = await t.call("ta@keel.test", `/api/v1/accounts/${ownAccountId}/documents`, {
      method: "POST",
      body: { templateId: "success-plan" },
    });
    expect(before.json.templateVersion).toBe(1);

    const current = await t.call("admin@keel.test", "/api/v1/templates/success-plan");
    const { version: _v, versions: _vs, createdAt: _c, createdBy: _b, ...body } = current.json;
    const next = {
      ...body,
      title: "Success Plan {{today}}: {{account.name}}",
      sections: [...body.sections, { id: "review", heading: "Quarterly review", body: "Next on {{today}}" }],
    };
    const saved = await saveTemplate("admin@keel.test", "success-plan", next);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      id: "success-plan",
      version: 2,
      title: next.title,
      createdBy: { id: "usr_admin" },
    });
    expect(saved.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const v1 = await t.call("ta@keel.test", "/api/v1/templates/success-plan/versions/1");
    expect(v1.status).toBe(200);
    expect(v1.json).toMatchObject({ version: 1, title: "Success Plan: {{account.name}}" });
    expect(v1.json.sections).toHaveLength(4);
    const list = await t.call("ta@keel.test", "/api/v1/templates");
    expect(list.json.find((tpl: { id: string }) => tpl.id === "success-plan")).toMatchObject({
      version: 2,
      sectionCount: 5,
    });

    const after = await t.call("ta@keel.test", `/api/v1/accounts/${ownAccountId}/documents`, {
      method: "POST",
      body: { templateId: "success-plan" },
    });
    expect(after.json).toMatchObject({
      templateVersion: 2,
      title: expect.stringMatching(/^Success Plan 2026-11-01: /),
    });
    const old = await t.call("ta@keel.test", `/api/v1/documents/${before.json.id}`);
    expect(old.json.templateVersion).toBe(1);

    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, "template.save"), eq(schema.auditLog.entityId, "success-plan@2")),
      );
    expect(audit?.actorId).toBe("usr_admin");
  });

  it("M-2: a new template id starts at version 1", async () => {
    const res = await saveTemplate("admin@keel.test", "onboarding-notes", {
      id: "onboarding-notes",
      name: "Onboarding notes",
      source: "admin",
      title: "Onboarding notes: {{account.name}}",
      sections: [{ id: "notes", heading: "Notes", body: "" }],
    });
    expect(res.status).toBe(200);
    expect(res.json.version).toBe(1);
  });

  it("only admins save templates (403); malformed bodies are 400 with paths, another id than the path 422", async () => {
    const current = await t.call("manager@keel.test", "/api/v1/templates/handoff");
    const { version: _v, versions: _vs, createdAt: _c, createdBy: _b, ...body } = current.json;
    for (const email of ["manager@keel.test", "ta@keel.test", "exec@keel.test"]) {
      expect((await saveTemplate(email, "handoff", body)).status).toBe(403);
    }
    expect(await versionsOf("handoff")).toEqual([1]);
    const noSections = await saveTemplate("admin@keel.test", "handoff", { ...body, sections: [] });
    expect(noSections.status).toBe(400);
    expect(noSections.json.details[0].path).toBe("sections");
    const noHeading = await saveTemplate("admin@keel.test", "handoff", {
      ...body,
      sections: [{ id: "a", heading: "", body: "" }],
    });
    expect(noHeading.json.details[0].path).toBe("sections.0.heading");
    const otherId = await saveTemplate("admin@keel.test", "handoff", { ...body, id: "success-plan" });
    expect(otherId.status).toBe(422);
    expect(otherId.json.details[0].path).toBe("id");
  });

  it("answers 404 for unknown templates and versions", async () => {
    expect((await t.call("ta@keel.test", "/api/v1/templates/no-such-template")).status).toBe(404);
    expect((await t.call("ta@keel.test", "/api/v1/templates/handoff/versions/9")).status).toBe(404);
  });
});
