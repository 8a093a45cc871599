import { schema } from "@keel/db";
import { type AccountAssignments, addDays, defaultHealthPolicy } from "@keel/domain";
import { enqueueWebhook, notifyUsers, syncRenewals } from "@keel/services";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { AccessFacts, OperationKey } from "../http/operation-access.ts";
import { TEST_TODAY, type TestApp } from "./test-app.ts";

/**
 * One valid request for every operation of /api/v1 (and every variant in operation-access.ts),
 * made fresh for each call: what a write consumes or changes (a webhook to delete, a draft to
 * publish, the current If-Match version) is created or read just before, as the admin. The
 * authorization matrix sends these as every role; the fuzz suite mutates them.
 */
export type SampleRequest = {
  /** The OpenAPI path template under /api/v1, e.g. "/tasks/{id}". */
  template: string;
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  /** What the access rule needs to know of the thing touched (its account's team, …). */
  facts: AccessFacts;
};

export type SampleTarget = {
  /** The account the request is about (account rules), with its team. */
  account: { id: string; team: AccountAssignments };
  /** Who will send it (null: anonymous or an API key): their own notifications are used. */
  actorId: string | null;
};

type Sample = (
  t: TestApp,
  target: SampleTarget,
) => Promise<Partial<Omit<SampleRequest, "template" | "method">>>;

const ADMIN = "admin@keel.test";
/** Never the actor of the matrix: "another person" in team views. */
const SOMEONE_ELSE = "usr_ta3";

/** A call as the admin that must succeed: the setup of a sample. */
async function asAdmin(
  t: TestApp,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await t.call(ADMIN, `/api/v1${path}`, init);
  if (res.status >= 300)
    throw new Error(`sample setup ${init.method ?? "GET"} ${path}: ${res.status} ${res.text}`);
  return res;
}

const etagOf = (res: { headers: Headers }) => {
  const tag = res.headers.get("etag");
  if (!tag) throw new Error("sample setup: no ETag");
  return tag;
};

async function newTask(t: TestApp, { account }: SampleTarget) {
  const task = await asAdmin(t, `/accounts/${account.id}/tasks`, {
    method: "POST",
    body: { title: "Matrix task", dueDate: "2026-11-20", assigneeId: account.team.ta ?? undefined },
  });
  return task.json as { id: string; version: number; assignee: { id: string } | null };
}

async function newDocument(t: TestApp, { account }: SampleTarget) {
  const doc = await asAdmin(t, `/accounts/${account.id}/documents`, {
    method: "POST",
    body: { templateId: "success-plan" },
  });
  return doc.json as {
    id: string;
    version: number;
    title: string;
    sections: unknown[];
    owner: { id: string } | null;
  };
}

async function newDraftPolicy(t: TestApp) {
  const { version: _version, effectiveFrom: _effectiveFrom, ...draft } = defaultHealthPolicy;
  const res = await asAdmin(t, "/health/policies", {
    method: "POST",
    body: { ...draft, name: "Matrix draft" },
  });
  return { version: String((res.json as { version: number }).version), draft, etag: etagOf(res) };
}

async function newWebhook(t: TestApp) {
  const res = await asAdmin(t, "/webhooks", {
    method: "POST",
    body: { name: "Matrix hook", url: "https://hooks.example.com/keel", eventTypes: ["*"] },
  });
  return (res.json as { id: string }).id;
}

const usageRecord = (accountId: string) => ({
  accountId,
  day: "2026-10-20",
  dau: 30,
  mau: 90,
  seats: 100,
  instanceVersion: "6.10.1",
});

const onAccount = ({ account }: SampleTarget) => ({
  params: { id: account.id },
  facts: { account: account.team },
});

export const operationSamples: Record<OperationKey, Sample> = {
  "GET /me": async () => ({}),
  "GET /users": async () => ({ query: { role: "ta" } }),
  "GET /accounts": async () => ({ query: { pageSize: "5" } }),
  "GET /accounts/{id}": async (_t, target) => onAccount(target),
  "GET /accounts/{id}/contacts": async (_t, target) => onAccount(target),
  "GET /contacts": async () => ({ query: { missingRoles: "true" } }),
  "PATCH /contacts/{id}": async (t, { account }) => {
    const list = await asAdmin(t, `/accounts/${account.id}/contacts`);
    const [contact] = (list.json as { items: Array<{ id: string; version: number }> }).items;
    if (!contact) throw new Error("sample setup: the account has no contacts");
    return {
      params: { id: contact.id },
      headers: { "If-Match": `"${contact.version}"` },
      body: { title: "Matrix title" },
      facts: { account: account.team },
    };
  },
  "GET /accounts/{id}/health": async (_t, target) => onAccount(target),
  "GET /accounts/{id}/health/history": async (_t, target) => onAccount(target),
  "GET /accounts/{id}/health/as-of": async (_t, target) => ({
    ...onAccount(target),
    query: { date: "2026-10-15" },
  }),
  "PUT /accounts/{id}/traits": async (t, target) => {
    const health = await asAdmin(t, `/accounts/${target.account.id}/health`);
    return { ...onAccount(target), headers: { "If-Match": etagOf(health) }, body: { activeChampion: true } };
  },
  "GET /health/category-changes": async () => ({}),
  "GET /health/policies": async () => ({}),
  "POST /health/policies": async (t) => ({
    body: { ...(await newDraftPolicy(t)).draft, name: "Matrix draft" },
  }),
  "POST /health/policies/import": async (t) => ({
    body: (await asAdmin(t, "/health/policies/1/export")).json,
  }),
  "GET /health/policies/{version}": async () => ({ params: { version: "1" } }),
  "PUT /health/policies/{version}": async (t) => {
    const { version, draft, etag } = await newDraftPolicy(t);
    return {
      params: { version },
      headers: { "If-Match": etag },
      body: { ...draft, name: "Matrix draft, edited" },
    };
  },
  "POST /health/policies/{version}/preview": async () => ({
    params: { version: "1" },
    query: { limit: "5" },
    body: {},
  }),
  "POST /health/policies/{version}/publish": async (t) => ({
    params: { version: (await newDraftPolicy(t)).version },
  }),
  "GET /health/policies/{version}/export": async () => ({ params: { version: "1" } }),
  "GET /tasks": async () => ({}),
  "GET /tasks (another person's)": async () => ({ query: { assignee: SOMEONE_ELSE } }),
  "GET /accounts/{id}/tasks": async (_t, target) => onAccount(target),
  "POST /accounts/{id}/tasks": async (_t, target) => ({
    ...onAccount(target),
    body: { title: "Matrix task", dueDate: "2026-11-20", assigneeId: target.account.team.ta ?? undefined },
  }),
  "PATCH /tasks/{id}": async (t, target) => {
    const task = await newTask(t, target);
    return {
      params: { id: task.id },
      headers: { "If-Match": `"${task.version}"` },
      body: { notes: "Matrix notes" },
      facts: { account: target.account.team, assigneeId: task.assignee?.id ?? null },
    };
  },
  "GET /accounts/{id}/projects": async (_t, target) => onAccount(target),
  "POST /accounts/{id}/projects": async (_t, target) => ({
    ...onAccount(target),
    body: { templateId: "customer-health-low-utilization" },
  }),
  "GET /project-templates": async () => ({}),
  "GET /accounts/{id}/documents": async (_t, target) => onAccount(target),
  "POST /accounts/{id}/documents": async (_t, target) => ({
    ...onAccount(target),
    body: { templateId: "success-plan" },
  }),
  "POST /accounts/{id}/documents (a hand-off)": async (_t, target) => ({
    ...onAccount(target),
    body: { templateId: "handoff" },
  }),
  "GET /documents/{id}": async (t, target) => ({
    params: { id: (await newDocument(t, target)).id },
    facts: { account: target.account.team },
  }),
  "PUT /documents/{id}": async (t, target) => {
    const doc = await newDocument(t, target);
    return {
      params: { id: doc.id },
      headers: { "If-Match": `"${doc.version}"` },
      body: { title: `${doc.title} (matrix)`, sections: doc.sections },
      facts: { account: target.account.team, ownerId: doc.owner?.id ?? null },
    };
  },
  "GET /documents/{id}/versions/{version}": async (t, target) => ({
    params: { id: (await newDocument(t, target)).id, version: "1" },
    facts: { account: target.account.team },
  }),
  "GET /templates": async () => ({}),
  "GET /templates/{id}": async () => ({ params: { id: "success-plan" } }),
  "PUT /templates/{id}": async (t) => {
    const {
      version: _version,
      versions: _versions,
      ...template
    } = (await asAdmin(t, "/templates/success-plan")).json as Record<string, unknown>;
    return { params: { id: "success-plan" }, body: { ...template, source: "matrix" } };
  },
  "GET /templates/{id}/versions/{version}": async () => ({ params: { id: "success-plan", version: "1" } }),
  "GET /template-variables": async () => ({}),
  "GET /notifications": async () => ({}),
  "GET /notifications/unread-count": async () => ({}),
  "POST /notifications/{id}/read": async (t, { account, actorId }) => {
    const userId = actorId ?? "usr_admin";
    await notifyUsers(t.db, {
      userIds: [userId],
      accountId: account.id,
      message: "Matrix note",
      at: new Date(),
    });
    const [row] = await t.db
      .select({ id: schema.notifications.id })
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, userId))
      .orderBy(desc(schema.notifications.createdAt))
      .limit(1);
    return { params: { id: String(row!.id) } };
  },
  "POST /notifications/read-all": async () => ({}),
  "GET /webhooks": async () => ({}),
  "POST /webhooks": async () => ({
    body: { name: "Matrix hook", url: "https://hooks.example.com/keel", eventTypes: ["*"] },
  }),
  "PATCH /webhooks/{id}": async (t) => ({ params: { id: await newWebhook(t) }, body: { active: false } }),
  "DELETE /webhooks/{id}": async (t) => ({ params: { id: await newWebhook(t) } }),
  "GET /webhooks/deliveries": async () => ({}),
  "POST /webhooks/deliveries/{id}/retry": async (t) => {
    const subscriptionId = await newWebhook(t);
    await enqueueWebhook(t.db, {
      eventType: "account.closed",
      text: "Matrix Corp was closed",
      event: { type: "account.closed" },
      at: new Date(`${TEST_TODAY}T12:00:00Z`),
    });
    const [delivery] = await t.db
      .select({ id: schema.webhookDeliveries.id })
      .from(schema.webhookDeliveries)
      .where(and(eq(schema.webhookDeliveries.subscriptionId, subscriptionId)))
      .limit(1);
    return { params: { id: String(delivery!.id) } };
  },
  "GET /playbooks": async () => ({}),
  "GET /playbooks/dry-run": async () => ({}),
  "GET /playbooks/dry-run (the whole book)": async () => ({ query: { scope: "book" } }),
  "GET /playbooks/firings": async (_t, { account }) => ({
    query: { accountId: account.id },
    facts: { account: account.team },
  }),
  "GET /playbooks/firings (the whole book)": async () => ({}),
  "GET /playbooks/export": async () => ({}),
  "POST /playbooks/import": async (t) => ({ body: (await asAdmin(t, "/playbooks/export")).json }),
  "GET /playbooks/{id}": async (t) => ({ params: { id: await firstPlaybookId(t) } }),
  "PUT /playbooks/{id}": async (t) => {
    const id = await firstPlaybookId(t);
    const { playbook } = (await asAdmin(t, `/playbooks/${id}`)).json as { playbook: Record<string, unknown> };
    const { name, ruleId, source, enabled, triggers, conditions, actions } = playbook;
    return { params: { id }, body: { name, ruleId, source, enabled, triggers, conditions, actions } };
  },
  "GET /accounts/{id}/stage-history": async (_t, target) => onAccount(target),
  "PUT /accounts/{id}/support-level": async (t, target) => {
    const account = await asAdmin(t, `/accounts/${target.account.id}`);
    const { supportLevel } = account.json as { supportLevel: string | null };
    return {
      ...onAccount(target),
      headers: { "If-Match": etagOf(account) },
      body: { supportLevel: supportLevel ?? "pooled" },
    };
  },
  "PUT /accounts/{id}/team/{role}": async (t, target) => {
    const account = await asAdmin(t, `/accounts/${target.account.id}`);
    return {
      params: { id: target.account.id, role: "ta" },
      headers: { "If-Match": etagOf(account) },
      body: { userId: target.account.team.ta ?? null },
      facts: { account: target.account.team },
    };
  },
  "GET /recommendations": async () => ({}),
  "GET /recommendations (another person's)": async () => ({ query: { ta: SOMEONE_ELSE } }),
  "GET /accounts/{id}/recommendations": async (_t, target) => onAccount(target),
  "GET /compliance": async () => ({}),
  "GET /renewals": async () => ({ query: { owner: "mine", pageSize: "5" } }),
  "GET /renewals/review-list": async () => ({}),
  "GET /renewals/forecast": async () => ({}),
  "GET /renewals/accuracy": async () => ({ query: { by: "ae" } }),
  "GET /renewals/{id}": async (t, target) => ({ params: { id: (await openRenewal(t, target)).id } }),
  "PUT /renewals/{id}/assessment": async (t, target) => {
    const renewal = await openRenewal(t, target);
    return {
      params: { id: renewal.id },
      headers: { "If-Match": `"${renewal.version}"` },
      body: { rating: "green", summary: "Healthy usage, champion engaged" },
      facts: { account: target.account.team },
    };
  },
  "POST /renewals/{id}/assessment/approvals": async (t, target) => {
    const assessed = await assessedRenewal(t, target);
    return {
      params: { id: assessed.id },
      headers: { "If-Match": `"${assessed.version}"` },
      body: {},
      facts: { account: target.account.team },
    };
  },
  "PUT /renewals/{id}/plan": async (t, target) => {
    const renewal = await openRenewal(t, target);
    return {
      params: { id: renewal.id },
      headers: { "If-Match": `"${renewal.version}"` },
      body: { projectedOutcome: "flat", expectedArrCents: renewal.arrAtStakeCents },
      facts: { account: target.account.team },
    };
  },
  "POST /renewals/{id}/forecasts": async (t, target) => {
    const renewal = await openRenewal(t, target);
    return {
      params: { id: renewal.id },
      body: {
        outcome: "flat",
        expectedArrCents: renewal.arrAtStakeCents,
        expectedSeats: renewal.seatsAtStake,
      },
      facts: { account: target.account.team },
    };
  },
  "POST /renewals/{id}/process": async (t, target) => {
    const renewal = await openRenewal(t, target);
    const account = (await asAdmin(t, `/accounts/${target.account.id}`)).json as {
      account: { arrCents: number; seatsPurchased: number };
    };
    return {
      params: { id: renewal.id },
      headers: { "If-Match": `"${renewal.version}"` },
      body: {
        outcome: "flat",
        arrAfterCents: account.account.arrCents,
        seatsAfter: account.account.seatsPurchased,
      },
      facts: { account: target.account.team },
    };
  },
  "GET /lighthouse/enrolments": async () => ({ query: { owner: "mine", pageSize: "5" } }),
  "POST /lighthouse/enrolments": async (t, target) => {
    await leaveLighthouse(t, target);
    return {
      body: { accountId: target.account.id, reason: "Usage halved after their reorg" },
      facts: { account: target.account.team },
    };
  },
  "GET /lighthouse/enrolments/{id}": async (t, target) => ({
    params: { id: (await enrolmentOf(t, target)).id },
  }),
  "PATCH /lighthouse/enrolments/{id}": async (t, target) => {
    const enrolment = await enrolmentOf(t, target);
    return {
      params: { id: enrolment.id },
      headers: { "If-Match": `"${enrolment.version}"` },
      body: { sponsorId: "usr_exec" },
      facts: { account: target.account.team },
    };
  },
  "PUT /lighthouse/enrolments/{id}/save-plan": async (t, target) => {
    const enrolment = await enrolmentOf(t, target);
    return {
      params: { id: enrolment.id },
      headers: { "If-Match": `"${enrolment.version}"` },
      body: savePlanSample(target),
      facts: { account: target.account.team },
    };
  },
  "PUT /lighthouse/enrolments/{id}/criteria/{criterionId}/evidence": async (t, target) => {
    const enrolment = await plannedEnrolment(t, target);
    const manual = enrolment.criteria.find((c) => c.definition.kind === "manual")!;
    return {
      params: { id: enrolment.id, criterionId: manual.id },
      headers: { "If-Match": `"${enrolment.version}"` },
      body: { evidence: "Signed off in the steering meeting", metOn: TEST_TODAY },
      facts: { account: target.account.team },
    };
  },
  "POST /lighthouse/enrolments/{id}/updates": async (t, target) => ({
    params: { id: (await enrolmentOf(t, target)).id },
    body: { progress: "Enablement for two teams done", risks: "Budget review in December" },
    facts: { account: target.account.team },
  }),
  "POST /lighthouse/enrolments/{id}/exit-approvals": async (t, target) => {
    const enrolment = await readyToExit(t, target);
    return {
      params: { id: enrolment.id },
      headers: { "If-Match": `"${enrolment.version}"` },
      facts: { account: target.account.team },
    };
  },
  "POST /lighthouse/enrolments/{id}/exit": async (t, target) => {
    const enrolment = await enrolmentOf(t, target);
    return {
      params: { id: enrolment.id },
      headers: { "If-Match": `"${enrolment.version}"` },
      body: { outcome: "withdrawn", note: "The usage drop was a holiday" },
      facts: { account: target.account.team },
    };
  },
  "GET /lighthouse/agenda": async () => ({ query: { date: TEST_TODAY } }),
  "GET /lighthouse/agenda/markdown": async () => ({ query: { date: TEST_TODAY } }),
  "GET /lighthouse/syncs": async () => ({}),
  "POST /lighthouse/syncs": async () => {
    // Each sample records a sync on a day of its own (one sync a day).
    syncDays += 1;
    return { body: { heldOn: addDays(TEST_TODAY, -syncDays), attendeeIds: ["usr_manager"] } };
  },
  "GET /lighthouse/metrics": async () => ({}),
  "GET /churn-retros": async () => ({}),
  "GET /churn-retros/{id}": async (t, target) => ({ params: { id: (await churnRetroOf(t, target)).id } }),
  "PATCH /churn-retros/{id}": async (t, target) => {
    const retro = await churnRetroOf(t, target);
    return {
      params: { id: retro.id },
      headers: { "If-Match": `"${retro.version}"` },
      body: { lessonsLearned: "Adoption stalled after the champion left" },
      facts: { account: target.account.team },
    };
  },
  "POST /churn-retros/{id}/actions": async (t, target) => ({
    params: { id: (await churnRetroOf(t, target)).id },
    body: {
      title: "Add a second champion to every strategic account",
      ownerId: "usr_manager",
      dueDate: "2026-12-15",
    },
    facts: { account: target.account.team },
  }),
  "PATCH /churn-retros/{id}/actions/{actionId}": async (t, target) => {
    const retro = await churnRetroOf(t, target);
    const added = await asAdmin(t, `/churn-retros/${retro.id}/actions`, {
      method: "POST",
      body: { title: "Matrix call to action", ownerId: null, dueDate: "2026-12-01" },
    });
    const action = (
      added.json as { actions: Array<{ id: string; version: number; title: string }> }
    ).actions.find((a) => a.title === "Matrix call to action")!;
    return {
      params: { id: retro.id, actionId: action.id },
      headers: { "If-Match": `"${action.version}"` },
      body: { status: "done" },
      facts: { account: target.account.team },
    };
  },
  "POST /api-keys": async () => ({ body: { name: "Matrix key", scopes: ["ingest:usage"] } }),
  "GET /api-keys": async () => ({}),
  "DELETE /api-keys/{id}": async (t) => {
    const res = await asAdmin(t, "/api-keys", {
      method: "POST",
      body: { name: "To revoke", scopes: ["ingest:usage"] },
    });
    return { params: { id: (res.json as { apiKey: { id: string } }).apiKey.id } };
  },
  "POST /ingest/usage": async (_t, { account }) => ({ body: usageRecord(account.id) }),
  "POST /ingest/tickets": async (_t, { account }) => ({
    body: {
      accountId: account.id,
      externalId: `MATRIX-${crypto.randomUUID()}`,
      type: "help",
      openedAt: "2026-10-20T09:00:00Z",
    },
  }),
  "POST /ingest/activities": async (_t, { account }) => ({
    body: {
      accountId: account.id,
      externalId: `matrix-${crypto.randomUUID()}`,
      type: "call",
      at: "2026-10-20T09:00:00Z",
    },
  }),
};

/** The account's open renewal (opened now if the account has none yet), as the API shows it. */
async function openRenewal(t: TestApp, { account }: SampleTarget) {
  await syncRenewals(t.db, {
    today: TEST_TODAY,
    at: new Date(`${TEST_TODAY}T12:00:00Z`),
    accountIds: [account.id],
  });
  const [row] = await t.db
    .select({ id: schema.renewals.id })
    .from(schema.renewals)
    .where(and(eq(schema.renewals.accountId, account.id), isNull(schema.renewals.processedAt)))
    .limit(1);
  if (!row) throw new Error("sample setup: the account has no renewal date");
  return (await asAdmin(t, `/renewals/${row.id}`)).json as {
    id: string;
    version: number;
    arrAtStakeCents: number;
    seatsAtStake: number;
  };
}

/** The account's open renewal with a rating to approve. */
async function assessedRenewal(t: TestApp, target: SampleTarget) {
  const renewal = await openRenewal(t, target);
  const assessed = await asAdmin(t, `/renewals/${renewal.id}/assessment`, {
    method: "PUT",
    headers: { "If-Match": `"${renewal.version}"` },
    body: { rating: "green", summary: "Matrix assessment" },
  });
  return assessed.json as { id: string; version: number };
}

/** A churn retro on the account (R-7), made for the test when it has none. */
async function churnRetroOf(t: TestApp, target: SampleTarget) {
  const renewal = await openRenewal(t, target);
  const [existing] = await t.db
    .select({ id: schema.churnRetros.id })
    .from(schema.churnRetros)
    .where(eq(schema.churnRetros.accountId, target.account.id))
    .limit(1);
  const id =
    existing?.id ??
    (
      await t.db
        .insert(schema.churnRetros)
        .values({
          renewalId: renewal.id,
          accountId: target.account.id,
          arrLostCents: 20_000_000,
          createdAt: new Date(`${TEST_TODAY}T12:00:00Z`),
        })
        .returning({ id: schema.churnRetros.id })
    )[0]!.id;
  return (await asAdmin(t, `/churn-retros/${id}`)).json as { id: string; version: number };
}

async function firstPlaybookId(t: TestApp) {
  const list = await asAdmin(t, "/playbooks");
  return (list.json as { items: Array<{ id: string }> }).items[0]!.id;
}

/** "GET /tasks (another person's)" → its OpenAPI operation, "GET /tasks". */
export const operationOf = (key: string) => key.replace(/ \(.*\)$/, "");

/** Makes the sample of `key` for `target` and fills its path. */
export async function sampleRequest(t: TestApp, key: OperationKey, target: SampleTarget) {
  const [method, template] = operationOf(key).split(" ") as [string, string];
  const partial = await operationSamples[key](t, target);
  const request: SampleRequest = {
    template,
    method,
    params: partial.params ?? {},
    query: partial.query ?? {},
    headers: partial.headers ?? {},
    body: partial.body,
    facts: partial.facts ?? {},
  };
  return request;
}

/** The URL of a request: its path template filled (encoded) and its query. */
export function urlOf(request: Pick<SampleRequest, "template" | "params" | "query">): string {
  const path = request.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${request.template}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(request.query).toString();
  return `/api/v1${path}${query ? `?${query}` : ""}`;
}

type EnrolmentSample = {
  id: string;
  version: number;
  criteria: Array<{ id: string; definition: { kind: string } }>;
};
let syncDays = 0;

/** The account's open Lighthouse enrolment, entered by the admin when there is none. */
async function enrolmentOf(t: TestApp, { account }: SampleTarget): Promise<EnrolmentSample> {
  const [open] = await t.db
    .select({ id: schema.lighthouseEnrolments.id })
    .from(schema.lighthouseEnrolments)
    .where(
      and(
        eq(schema.lighthouseEnrolments.accountId, account.id),
        isNull(schema.lighthouseEnrolments.exitedAt),
      ),
    )
    .limit(1);
  if (open) return (await asAdmin(t, `/lighthouse/enrolments/${open.id}`)).json as EnrolmentSample;
  return (
    await asAdmin(t, "/lighthouse/enrolments", {
      method: "POST",
      body: { accountId: account.id, reason: "Entered for the matrix" },
    })
  ).json as EnrolmentSample;
}

/** The account out of the program (its open stay withdrawn), so it can be entered again. */
async function leaveLighthouse(t: TestApp, target: SampleTarget) {
  const [open] = await t.db
    .select({ id: schema.lighthouseEnrolments.id })
    .from(schema.lighthouseEnrolments)
    .where(
      and(
        eq(schema.lighthouseEnrolments.accountId, target.account.id),
        isNull(schema.lighthouseEnrolments.exitedAt),
      ),
    )
    .limit(1);
  if (!open) return;
  const enrolment = (await asAdmin(t, `/lighthouse/enrolments/${open.id}`)).json as EnrolmentSample;
  await asAdmin(t, `/lighthouse/enrolments/${open.id}/exit`, {
    method: "POST",
    headers: { "If-Match": `"${enrolment.version}"` },
    body: { outcome: "withdrawn", note: "Reset for the matrix" },
  });
}

const savePlanSample = ({ account }: SampleTarget) => ({
  problem: "Usage halved after their reorg.",
  goal: "Healthy usage and a new champion before the renewal.",
  criteria: [
    {
      criterion: { kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold: 0.6 },
      steps: [{ title: "Team-by-team enablement", ownerId: account.team.ta ?? "usr_ta", dueOn: TEST_TODAY }],
    },
    { criterion: { kind: "manual", description: "A new champion is named" }, steps: [] },
  ],
});

/** An enrolment whose save plan has a manual criterion. */
async function plannedEnrolment(t: TestApp, target: SampleTarget): Promise<EnrolmentSample> {
  const enrolment = await enrolmentOf(t, target);
  if (enrolment.criteria.some((c) => c.definition.kind === "manual")) return enrolment;
  return (
    await asAdmin(t, `/lighthouse/enrolments/${enrolment.id}/save-plan`, {
      method: "PUT",
      headers: { "If-Match": `"${enrolment.version}"` },
      body: savePlanSample(target),
    })
  ).json as EnrolmentSample;
}

/** A fresh stay whose one criterion (manual) is met, no approval yet: ready for LH-5. */
async function readyToExit(t: TestApp, target: SampleTarget): Promise<EnrolmentSample> {
  await leaveLighthouse(t, target);
  const entered = await enrolmentOf(t, target);
  const planned = (
    await asAdmin(t, `/lighthouse/enrolments/${entered.id}/save-plan`, {
      method: "PUT",
      headers: { "If-Match": `"${entered.version}"` },
      body: {
        problem: "Usage halved.",
        goal: "A new champion.",
        criteria: [{ criterion: { kind: "manual", description: "A new champion is named" }, steps: [] }],
      },
    })
  ).json as EnrolmentSample;
  return (
    await asAdmin(t, `/lighthouse/enrolments/${planned.id}/criteria/${planned.criteria[0]!.id}/evidence`, {
      method: "PUT",
      headers: { "If-Match": `"${planned.version}"` },
      body: { evidence: "Named in the QBR", metOn: TEST_TODAY },
    })
  ).json as EnrolmentSample;
}
