import { queryRows, schema } from "@keel/db";
import { type AccountAssignments, type TeamRole, type UserRole, userRoleSchema } from "@keel/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type OperationKey, operationAccess, personMay } from "../http/operation-access.ts";
import { operationOf, type SampleTarget, sampleRequest, urlOf } from "../testing/operation-samples.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * SPEC §1 as a matrix: every operation of the OpenAPI document, sent as every role on an account
 * they hold a seat on and one they do not, anonymously and with an API key, must answer as the
 * table in operation-access.ts (through the domain's `can`) says: 2xx when allowed, 403 when a
 * signed-in person may not, 401 without the right credentials. A new route without an entry in
 * the table, or without a sample request, fails here.
 */

let t: TestApp;
let documentedOperations: string[];
let apiKey: string;

type Person = { role: UserRole; id: string; email: string; roles: UserRole[] };
type Principal = { kind: "anonymous" } | { kind: "api-key" } | ({ kind: "person" } & Person);
type Target = { label: string; account: SampleTarget["account"] };

/** Per role: an account where that person holds their role's seat, and one where they hold none. */
const targetsOf = new Map<UserRole, Target[]>();
const people: Person[] = userRoleSchema.options.map((role) => ({
  role,
  id: `usr_${role}`,
  email: `${role}@keel.test`,
  roles: [role],
}));

async function teamOf(accountId: string): Promise<AccountAssignments> {
  const rows = await t.db
    .select({ role: schema.accountTeam.role, userId: schema.accountTeam.userId })
    .from(schema.accountTeam)
    .where(sql`${schema.accountTeam.accountId} = ${accountId}`);
  return Object.fromEntries(rows.map((row) => [row.role as TeamRole, row.userId]));
}

/** Accounts the samples can work on: a TA seat, a support level and contacts. */
async function accountsWhere(condition: ReturnType<typeof sql>) {
  const rows = await queryRows<{ id: string }>(
    t.db,
    sql`
    select a.id from accounts a
    where a.support_level is not null and a.renewal_date is not null
      and exists (select 1 from account_team s where s.account_id = a.id and s.role = 'ta')
      and exists (select 1 from contacts c where c.account_id = a.id)
      and ${condition}
    order by a.name limit 1`,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("the test seed has no account for this matrix cell");
  return { id, team: await teamOf(id) };
}

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"));
  const doc = (await t.call(null, "/api/openapi.json")).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  documentedOperations = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, "")}`),
  );
  const key = await t.call("admin@keel.test", "/api/v1/api-keys", {
    method: "POST",
    body: { name: "Matrix feeds", scopes: ["ingest:usage", "ingest:tickets", "ingest:activities"] },
  });
  apiKey = key.json.key;

  const seated = (userId: string, role: TeamRole) =>
    sql`exists (select 1 from account_team s where s.account_id = a.id and s.user_id = ${userId} and s.role = ${role})`;
  const unseated = (userId: string) =>
    sql`not exists (select 1 from account_team s where s.account_id = a.id and s.user_id = ${userId})`;
  const taTargets: Target[] = [
    { label: "their account", account: await accountsWhere(seated("usr_ta", "ta")) },
    { label: "another TA's account", account: await accountsWhere(unseated("usr_ta")) },
  ];
  for (const { role, id } of people) {
    if (role === "ae" || role === "ce") {
      targetsOf.set(role, [
        { label: "their account", account: await accountsWhere(seated(id, role)) },
        { label: "an account they have no seat on", account: await accountsWhere(unseated(id)) },
      ]);
    } else targetsOf.set(role, taTargets);
  }
});
afterAll(() => t.close());

const isIngest = (key: string) => key.includes(" /ingest/");
const isAccountScoped = (key: OperationKey) => operationAccess[key].who === "account";

async function send(principal: Principal, key: OperationKey, target: Target) {
  const request = await sampleRequest(t, key, {
    account: target.account,
    actorId: principal.kind === "person" ? principal.id : null,
  });
  const headers = { ...request.headers };
  if (principal.kind === "api-key") headers.Authorization = `Bearer ${apiKey}`;
  const email = principal.kind === "person" ? principal.email : null;
  const res = await t.call(email, urlOf(request), { method: request.method, headers, body: request.body });
  return { request, res };
}

describe("SPEC §1 authorization matrix: every operation × every role × assigned or not", () => {
  it("has an access rule and a sample request for every operation the OpenAPI document lists, and no stale ones", () => {
    const tableOperations = new Set(Object.keys(operationAccess).map(operationOf));
    expect(documentedOperations.filter((op) => !tableOperations.has(op))).toEqual([]);
    expect([...tableOperations].filter((op) => !documentedOperations.includes(op))).toEqual([]);
  });

  for (const key of Object.keys(operationAccess) as OperationKey[]) {
    it(`${key}: ${describeAccess(key)}`, async () => {
      const mismatches: string[] = [];
      const check = (who: string, expected: "2xx" | 401 | 403, status: number, text: string) => {
        const ok = expected === "2xx" ? status >= 200 && status < 300 : status === expected;
        if (!ok) mismatches.push(`${who}: expected ${expected}, got ${status} ${text.slice(0, 200)}`);
      };
      const [ta] = targetsOf.get("ta")!;
      // Without credentials nothing answers; an API key opens its feeds and nothing else.
      const anonymous = await send({ kind: "anonymous" }, key, ta!);
      check("anonymous", 401, anonymous.res.status, anonymous.res.text);
      const machine = await send({ kind: "api-key" }, key, ta!);
      check("API key", isIngest(key) ? "2xx" : 401, machine.res.status, machine.res.text);

      for (const person of people) {
        const targets = isAccountScoped(key)
          ? targetsOf.get(person.role)!
          : targetsOf.get(person.role)!.slice(0, 1);
        for (const target of targets) {
          const { request, res } = await send({ kind: "person", ...person }, key, target);
          const allowed = !isIngest(key) && personMay(operationAccess[key], person, request.facts);
          const expected = isIngest(key) ? 401 : allowed ? "2xx" : 403;
          check(`${person.role} on ${target.label}`, expected, res.status, res.text);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

function describeAccess(key: OperationKey): string {
  const access = operationAccess[key];
  switch (access.who) {
    case "signed-in":
      return "anyone signed in";
    case "global":
      return `needs ${access.action}`;
    case "api-key":
      return `an API key with ${access.scope}`;
    case "account":
      return `needs ${access.action} on the account${access.orAssignee ? " (or is the assignee)" : ""}${access.orOwner ? " (or owns it)" : ""}${access.orHandoffFiller ? " (or fills hand-offs)" : ""}`;
  }
}
