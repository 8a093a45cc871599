import { schema } from "@keel/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
/** An account whose TA is ta@keel.test, CE ce@keel.test and AE ae@keel.test. */
let ownAccountId: string;
/** An account of ta2@keel.test where ta@ and ce@ hold no seat. */
let otherAccountId: string;

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const seat = (role: string, userId: string) =>
    sql`exists (select 1 from account_team s where s.account_id = ${schema.accounts.id} and s.role = ${role} and s.user_id = ${userId})`;
  const noSeat = (userId: string) =>
    sql`not exists (select 1 from account_team s where s.account_id = ${schema.accounts.id} and s.user_id = ${userId})`;
  const [own] = await t.db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(and(seat("ta", "usr_ta"), seat("ce", "usr_ce"), seat("ae", "usr_ae")))
    .limit(1);
  const [other] = await t.db
    .select({ id: schema.accounts.id })
    .from(schema.accounts)
    .where(and(seat("ta", "usr_ta2"), noSeat("usr_ce"), noSeat("usr_ta")))
    .limit(1);
  ownAccountId = own!.id;
  otherAccountId = other!.id;
});
afterAll(() => t.close());

function createTask(email: string, accountId: string, body: unknown) {
  return t.call(email, `/api/v1/accounts/${accountId}/tasks`, { method: "POST", body });
}

function patchTask(email: string, id: string, body: unknown, version?: number) {
  return t.call(email, `/api/v1/tasks/${id}`, {
    method: "PATCH",
    body,
    headers: version === undefined ? {} : { "If-Match": `"${version}"` },
  });
}

type Task = { id: string; dueDate: string; title: string; overdue: boolean; status: string };

describe('GET /api/v1/tasks — "My tasks" (M-1)', () => {
  it("M-1: lists overdue tasks first (oldest first), then by due date, with counts", async () => {
    const overdue = await createTask("ta@keel.test", ownAccountId, {
      title: "Zz overdue follow-up",
      dueDate: "2026-09-01",
    });
    const dueToday = await createTask("ta@keel.test", ownAccountId, {
      title: "Aa due today",
      dueDate: TEST_TODAY,
    });
    expect(overdue.status).toBe(201);
    expect(dueToday.status).toBe(201);

    const res = await t.call("ta@keel.test", "/api/v1/tasks?pageSize=200");
    expect(res.status).toBe(200);
    const items: Task[] = res.json.items;
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((task) => task.status === "open")).toBe(true);
    const firstNotOverdue = items.findIndex((task) => !task.overdue);
    const overdueItems = firstNotOverdue === -1 ? items : items.slice(0, firstNotOverdue);
    const rest = firstNotOverdue === -1 ? [] : items.slice(firstNotOverdue);
    expect(rest.some((task) => task.overdue)).toBe(false);
    expect(overdueItems.every((task) => task.dueDate < TEST_TODAY)).toBe(true);
    expect(rest.every((task) => task.dueDate >= TEST_TODAY)).toBe(true);
    const byDueDate = (list: Task[]) =>
      list.every((task, i) => i === 0 || list[i - 1]!.dueDate <= task.dueDate);
    expect(byDueDate(overdueItems)).toBe(true);
    expect(byDueDate(rest)).toBe(true);
    expect(items.map((task) => task.id)).toContain(overdue.json.id);
    expect(items.find((task) => task.id === overdue.json.id)?.overdue).toBe(true);
    expect(items.find((task) => task.id === dueToday.json.id)?.overdue).toBe(false);

    const [counts] = await t.db
      .select({
        overdue: sql<number>`count(*) filter (where ${schema.tasks.dueDate} < ${TEST_TODAY})`.mapWith(Number),
        dueToday: sql<number>`count(*) filter (where ${schema.tasks.dueDate} = ${TEST_TODAY})`.mapWith(
          Number,
        ),
        upcoming: sql<number>`count(*) filter (where ${schema.tasks.dueDate} > ${TEST_TODAY})`.mapWith(
          Number,
        ),
      })
      .from(schema.tasks)
      .where(and(eq(schema.tasks.assigneeId, "usr_ta"), eq(schema.tasks.status, "open")));
    expect(res.json.counts).toEqual(counts);
    expect(res.json.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(res.json.counts.dueToday).toBeGreaterThanOrEqual(1);
    expect(res.json.total).toBe(counts!.overdue + counts!.dueToday + counts!.upcoming);
  });

  it("M-1: the TA sees the tasks playbooks gave them, with source playbook, rule and reason", async () => {
    const res = await t.call("ta@keel.test", "/api/v1/tasks?status=all&pageSize=200");
    const fromPlaybooks = res.json.items.filter((task: { source: string }) => task.source === "playbook");
    expect(fromPlaybooks.length).toBeGreaterThan(0);
    for (const task of fromPlaybooks) {
      expect(task.assignee).toEqual({ id: "usr_ta", name: "Tess Alvarez" });
      expect(task.origin).toMatchObject({
        kind: "playbook",
        ruleId: expect.any(String),
        reason: expect.any(String),
      });
      // A playbook's firing names its playbook; a product rule outside the playbooks (R-2's save
      // plan, LH-2/LH-3's Lighthouse tasks) names only its rule and reason.
      if (task.origin.playbookId !== null)
        expect(task.origin).toMatchObject({
          playbookId: expect.any(String),
          playbookVersion: expect.any(Number),
        });
      else expect(task.origin.ruleId).toMatch(/^(R|LH)-\d$/);
    }
    expect(
      fromPlaybooks.some(
        (task: { origin: { playbookId: string | null } }) => task.origin.playbookId !== null,
      ),
    ).toBe(true);
    const person = res.json.items.find((task: { source: string }) => task.source === "person");
    expect(person.origin).toEqual({ kind: "person", createdBy: { id: "usr_ta", name: "Tess Alvarez" } });
  });

  it("M-1: tasks due the same day are ordered by title", async () => {
    await createTask("ta@keel.test", ownAccountId, { title: "Same day B", dueDate: "2026-11-25" });
    await createTask("ta@keel.test", ownAccountId, { title: "Same day A", dueDate: "2026-11-25" });
    const res = await t.call("ta@keel.test", "/api/v1/tasks?q=same%20day");
    expect(res.json.items.map((task: Task) => task.title)).toEqual(["Same day A", "Same day B"]);
  });

  it("filters by account, text and status, and pages", async () => {
    const byAccount = await t.call("ta@keel.test", `/api/v1/tasks?accountId=${ownAccountId}&status=all`);
    expect(byAccount.json.items.every((task: { accountId: string }) => task.accountId === ownAccountId)).toBe(
      true,
    );
    const byText = await t.call("ta@keel.test", "/api/v1/tasks?q=zz%20overdue");
    expect(byText.json.items.map((task: Task) => task.title)).toEqual(["Zz overdue follow-up"]);
    const firstPage = await t.call("ta@keel.test", "/api/v1/tasks?pageSize=1");
    expect(firstPage.json.items).toHaveLength(1);
    expect(firstPage.json.total).toBeGreaterThan(1);
    const tooBig = await t.call("ta@keel.test", "/api/v1/tasks?pageSize=201");
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.details[0].path).toBe("pageSize");
  });

  it("another person's list needs the team view: a manager may, a TA may not", async () => {
    const manager = await t.call("manager@keel.test", "/api/v1/tasks?assignee=usr_ta");
    expect(manager.status).toBe(200);
    expect(
      manager.json.items.every((task: { assignee: { id: string } }) => task.assignee.id === "usr_ta"),
    ).toBe(true);
    const ta2 = await t.call("ta2@keel.test", "/api/v1/tasks?assignee=usr_ta");
    expect(ta2.status).toBe(403);
    const own = await t.call("ta2@keel.test", "/api/v1/tasks?assignee=usr_ta2");
    expect(own.status).toBe(200);
  });

  it("answers 401 without a session", async () => {
    expect((await t.call(null, "/api/v1/tasks")).status).toBe(401);
  });
});

describe("POST /api/v1/accounts/:id/tasks — a person's task (M-1)", () => {
  it("M-1: creates a task (201) with source person, assigned to someone on the account", async () => {
    const res = await createTask("ta@keel.test", ownAccountId, {
      title: "  Send the renewal deck  ",
      notes: "Before the QBR",
      assigneeId: "usr_ce",
      dueDate: "2026-11-15",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("ETag")).toBe('"1"');
    expect(res.json).toMatchObject({
      accountId: ownAccountId,
      title: "Send the renewal deck",
      notes: "Before the QBR",
      assignee: { id: "usr_ce", name: "Chen Wei" },
      dueDate: "2026-11-15",
      status: "open",
      overdue: false,
      source: "person",
      origin: { kind: "person", createdBy: { id: "usr_ta", name: "Tess Alvarez" } },
      completedAt: null,
      version: 1,
    });
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, res.json.id));
    expect(audit).toMatchObject({ actorId: "usr_ta", action: "task.create", entity: "task" });
  });

  it("assigns to the creator by default; a manager may assign anyone with access", async () => {
    const mine = await createTask("ta@keel.test", ownAccountId, { title: "Mine", dueDate: "2026-11-20" });
    expect(mine.json.assignee.id).toBe("usr_ta");
    const byManager = await createTask("manager@keel.test", otherAccountId, {
      title: "For the manager",
      assigneeId: "usr_manager",
      dueDate: "2026-11-20",
    });
    expect(byManager.status).toBe(201);
  });

  it("M-1: a task assigned to a user without access is refused (422 on assigneeId); unknown user too", async () => {
    const before = await taskCount();
    const noAccess = await createTask("ta@keel.test", ownAccountId, {
      title: "For someone else",
      assigneeId: "usr_ta2",
      dueDate: "2026-11-20",
    });
    expect(noAccess.status).toBe(422);
    expect(noAccess.json).toMatchObject({
      code: "unprocessable",
      details: [{ path: "assigneeId", message: expect.stringContaining("no access") }],
    });
    const unknown = await createTask("ta@keel.test", ownAccountId, {
      title: "For nobody",
      assigneeId: "usr_nobody",
      dueDate: "2026-11-20",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.details[0]).toMatchObject({ path: "assigneeId" });
    expect(await taskCount()).toBe(before);
  });

  it("M-1: a TA may not add tasks to another TA's account (403); AE and exec neither", async () => {
    const body = { title: "Not mine", dueDate: "2026-11-20" };
    expect((await createTask("ta@keel.test", otherAccountId, body)).status).toBe(403);
    expect((await createTask("ae@keel.test", ownAccountId, body)).status).toBe(403);
    expect((await createTask("exec@keel.test", ownAccountId, body)).status).toBe(403);
  });

  it("answers 404 for an unknown account and 400 with paths for a bad body", async () => {
    const unknown = await createTask("ta@keel.test", UNKNOWN_ID, { title: "x", dueDate: "2026-11-20" });
    expect(unknown.status).toBe(404);
    const bad = await createTask("ta@keel.test", ownAccountId, { title: " ", dueDate: "next week" });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe("validation_failed");
    expect(bad.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["dueDate", "title"]);
    const extra = await createTask("ta@keel.test", ownAccountId, {
      title: "x",
      dueDate: "2026-11-20",
      priority: "high",
    });
    expect(extra.status).toBe(400);
  });
});

describe("PATCH /api/v1/tasks/:id — complete and reopen (M-1)", () => {
  let taskId: string;
  beforeAll(async () => {
    const res = await createTask("ta@keel.test", ownAccountId, {
      title: "Complete me",
      dueDate: "2026-10-20",
    });
    taskId = res.json.id;
  });

  it("M-1: completing sets completedAt/By; reopening clears them (If-Match)", async () => {
    const done = await patchTask("ta@keel.test", taskId, { status: "done" }, 1);
    expect(done.status).toBe(200);
    expect(done.headers.get("ETag")).toBe('"2"');
    expect(done.json).toMatchObject({
      status: "done",
      overdue: false,
      completedAt: `${TEST_TODAY}T12:00:00.000Z`,
      completedBy: { id: "usr_ta", name: "Tess Alvarez" },
      version: 2,
    });
    const mine = await t.call("ta@keel.test", "/api/v1/tasks");
    expect(mine.json.items.map((task: Task) => task.id)).not.toContain(taskId);
    const doneList = await t.call("ta@keel.test", "/api/v1/tasks?status=done");
    expect(doneList.json.items.map((task: Task) => task.id)).toContain(taskId);

    const reopened = await patchTask("ta@keel.test", taskId, { status: "open" }, 2);
    expect(reopened.json).toMatchObject({
      status: "open",
      overdue: true,
      completedAt: null,
      completedBy: null,
      version: 3,
    });
    const audit = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, taskId));
    expect(audit.map((a) => a.action)).toEqual(["task.create", "task.complete", "task.reopen"]);
  });

  it("answers 428 without If-Match and 412 on a stale version, changing nothing", async () => {
    const missing = await patchTask("ta@keel.test", taskId, { status: "done" });
    expect(missing.status).toBe(428);
    const stale = await patchTask("ta@keel.test", taskId, { status: "done" }, 1);
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: "precondition_failed", details: { currentVersion: 3 } });
    const [row] = await t.db.select().from(schema.tasks).where(eq(schema.tasks.id, taskId));
    expect(row).toMatchObject({ status: "open", version: 3 });
  });

  it("edits title, due date and assignee; refuses an assignee without access (422)", async () => {
    const edited = await patchTask(
      "ta@keel.test",
      taskId,
      { title: "Completed soon", dueDate: "2026-12-01", assigneeId: "usr_ce" },
      3,
    );
    expect(edited.json).toMatchObject({ title: "Completed soon", dueDate: "2026-12-01", overdue: false });
    expect(edited.json.assignee.id).toBe("usr_ce");
    const refused = await patchTask("ta@keel.test", taskId, { assigneeId: "usr_ta2" }, 4);
    expect(refused.status).toBe(422);
    expect(refused.json.details[0].path).toBe("assigneeId");
  });

  it("M-1: the assignee CE may complete the task given to them, but not rewrite it", async () => {
    const completed = await patchTask("ce@keel.test", taskId, { status: "done", notes: "KT held" }, 4);
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({ status: "done", notes: "KT held", completedBy: { id: "usr_ce" } });
    const retitle = await patchTask("ce@keel.test", taskId, { title: "Mine now" }, 5);
    expect(retitle.status).toBe(403);
  });

  it("M-1: the CE completes the hand-off task the playbook gave them", async () => {
    const res = await t.call("ce@keel.test", "/api/v1/tasks?status=open&pageSize=200");
    const fromPlaybook = res.json.items.find((task: { source: string }) => task.source !== "person");
    expect(fromPlaybook).toBeDefined();
    const done = await patchTask("ce@keel.test", fromPlaybook.id, { status: "done" }, fromPlaybook.version);
    expect(done.status).toBe(200);
    expect(done.json.completedBy.id).toBe("usr_ce");
  });

  it("others may not edit the task (403); an unknown task is 404", async () => {
    expect((await patchTask("ae@keel.test", taskId, { status: "open" }, 5)).status).toBe(403);
    expect((await patchTask("ta2@keel.test", taskId, { status: "open" }, 5)).status).toBe(403);
    expect((await patchTask("ta@keel.test", UNKNOWN_ID, { status: "open" }, 1)).status).toBe(404);
    const empty = await patchTask("ta@keel.test", taskId, {}, 5);
    expect(empty.status).toBe(400);
  });
});

describe("GET /api/v1/accounts/:id/tasks (M-1)", () => {
  it("lists the account's tasks for anyone who may read it", async () => {
    const res = await t.call("ae@keel.test", `/api/v1/accounts/${ownAccountId}/tasks?status=all`);
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    expect(res.json.items.every((task: { accountId: string }) => task.accountId === ownAccountId)).toBe(true);
    expect((await t.call("ae@keel.test", `/api/v1/accounts/${UNKNOWN_ID}/tasks`)).status).toBe(404);
  });
});

describe("projects (M-1)", () => {
  it("M-1: lists project templates and starts a project from the newest version", async () => {
    const templates = await t.call("ta@keel.test", "/api/v1/project-templates");
    expect(templates.status).toBe(200);
    const onboarding = templates.json.find(
      (p: { id: string }) => p.id === "new-customer-onboarding-and-enablement",
    );
    expect(onboarding.tasks.length).toBeGreaterThan(0);

    const created = await t.call("ta@keel.test", `/api/v1/accounts/${ownAccountId}/projects`, {
      method: "POST",
      body: { templateId: onboarding.id },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: onboarding.name,
      templateId: onboarding.id,
      templateVersion: onboarding.version,
      owner: { id: "usr_ta" },
      startDate: TEST_TODAY,
      origin: { kind: "person", createdBy: { id: "usr_ta" } },
      progress: { done: 0, total: onboarding.tasks.length },
    });
    expect(created.json.tasks[0]).toMatchObject({ projectId: created.json.id, source: "person" });

    const first = created.json.tasks[0];
    await patchTask("ta@keel.test", first.id, { status: "done" }, first.version);
    const list = await t.call("ta@keel.test", `/api/v1/accounts/${ownAccountId}/projects`);
    expect(list.status).toBe(200);
    const project = list.json.find((p: { id: string }) => p.id === created.json.id);
    expect(project.progress).toEqual({ done: 1, total: onboarding.tasks.length });
  });

  it("shows playbook-made projects with their playbook and rule", async () => {
    const [row] = await t.db
      .select({ accountId: schema.projects.accountId })
      .from(schema.projects)
      .where(sql`${schema.projects.firingKey} is not null`)
      .limit(1);
    expect(row).toBeDefined(); // the seed's sweeps start onboarding projects
    const list = await t.call("exec@keel.test", `/api/v1/accounts/${row!.accountId}/projects`);
    const fromPlaybook = list.json.find((p: { origin: { kind: string } }) => p.origin.kind === "playbook");
    expect(fromPlaybook.origin).toMatchObject({ playbookId: expect.any(String), ruleId: expect.any(String) });
    expect(fromPlaybook.tasks.every((task: { source: string }) => task.source === "template")).toBe(true);
  });

  it("refuses an unknown template (422) and a TA on another TA's account (403)", async () => {
    const unknown = await t.call("ta@keel.test", `/api/v1/accounts/${ownAccountId}/projects`, {
      method: "POST",
      body: { templateId: "no-such-project" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.details[0].path).toBe("templateId");
    const forbidden = await t.call("ta@keel.test", `/api/v1/accounts/${otherAccountId}/projects`, {
      method: "POST",
      body: { templateId: "customer-health-low-utilization" },
    });
    expect(forbidden.status).toBe(403);
  });
});

async function taskCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(schema.tasks);
  return row!.n;
}

describe("OpenAPI", () => {
  it("documents the task, project, document, template and notification routes", async () => {
    const res = await t.call(null, "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/tasks",
        "/api/v1/tasks/{id}",
        "/api/v1/accounts/{id}/tasks",
        "/api/v1/accounts/{id}/projects",
        "/api/v1/project-templates",
        "/api/v1/accounts/{id}/documents",
        "/api/v1/documents/{id}/versions/{version}",
        "/api/v1/templates/{id}",
        "/api/v1/template-variables",
        "/api/v1/notifications/{id}/read",
      ]),
    );
  });
});
