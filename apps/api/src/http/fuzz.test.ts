import { schema } from "@keel/db";
import type { AccountAssignments, TeamRole } from "@keel/domain";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { everyHostileVariant, type MutatedRequest, mutatedRequest } from "../testing/hostile-input.ts";
import {
  addressOf,
  createOpenApiOracle,
  type OpenApiDocument,
  type OpenApiOracle,
  type OperationRequest,
} from "../testing/openapi-oracle.ts";
import { operationOf, sampleRequest } from "../testing/operation-samples.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { errorBodySchema } from "./errors.ts";
import { type OperationKey, operationAccess } from "./operation-access.ts";
import { defaultRateLimits } from "./rate-limits.ts";

/**
 * Hostile input on every operation of the OpenAPI document (issue "security", part 7b), sent
 * through `app.request()` as the admin (who reaches the deepest code) or, for the feeds, an API
 * key. Each operation starts from its valid sample request (operation-samples.ts); one input at a
 * time is replaced by NUL text, 2^31 and year 0000 (every location, deterministically), then by
 * fast-check's values. Every answer must be below 500 and every error in the one shape; and the
 * server and the OpenAPI document must agree: a request the document calls invalid answers 400,
 * one it calls valid never does (part 6).
 *
 * `FUZZ_RUNS` (default 12) sets the random requests per operation; `FUZZ_SEED` replays a run
 * (the default seed is fixed, so CI is reproducible; pass a new one to explore).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const ADMIN = "admin@keel.test";

let t: TestApp;
let oracle: OpenApiOracle;
let apiKey: string;
let account: { id: string; team: AccountAssignments };

beforeAll(async () => {
  // The feeds' per-key limits are tested in security.test.ts; here they would answer 429 to a
  // long run before its input was read.
  const rateLimits = {
    ...defaultRateLimits,
    ingest: { ...defaultRateLimits.ingest, requestsPerMinute: 1_000_000 },
  };
  t = await createTestApp(inject("dbTemplate"), { security: { rateLimits } });
  oracle = createOpenApiOracle((await t.call(null, "/api/openapi.json")).json as OpenApiDocument, {
    // zod counts a string's length in UTF-16 units (docs/security.md "Input").
    stringLength: "utf16-units",
  });
  const key = await t.call(ADMIN, "/api/v1/api-keys", {
    method: "POST",
    body: { name: "Fuzz feeds", scopes: ["ingest:usage", "ingest:tickets", "ingest:activities"] },
  });
  apiKey = key.json.key;
  const [seat] = await t.db
    .select({ accountId: schema.accountTeam.accountId })
    .from(schema.accountTeam)
    .where(
      sql`${schema.accountTeam.role} = 'ta' and exists (select 1 from contacts c where c.account_id = ${schema.accountTeam.accountId})
      and exists (select 1 from accounts a where a.id = ${schema.accountTeam.accountId} and a.renewal_date is not null)`,
    )
    .limit(1);
  const team = await t.db
    .select({ role: schema.accountTeam.role, userId: schema.accountTeam.userId })
    .from(schema.accountTeam)
    .where(eq(schema.accountTeam.accountId, seat!.accountId));
  account = {
    id: seat!.accountId,
    team: Object.fromEntries(team.map((s) => [s.role as TeamRole, s.userId])),
  };
});
afterAll(() => t.close());

const operations = (Object.keys(operationAccess) as OperationKey[]).filter((key) => operationOf(key) === key);

async function baseRequestOf(key: OperationKey): Promise<OperationRequest> {
  const sample = await sampleRequest(t, key, { account, actorId: "usr_admin" });
  return { params: sample.params, query: sample.query, headers: sample.headers, body: sample.body };
}

/** Sends one request as the admin (or the feeds' API key) and lists what is wrong with the answer. */
async function problemsWith(key: OperationKey, mutated: MutatedRequest): Promise<string[]> {
  const operation = oracle.operation(key);
  const { request } = mutated;
  const feed = operationAccess[key].who === "api-key";
  const headers: Record<string, string> = { ...request.headers };
  if (feed) headers.Authorization = `Bearer ${apiKey}`;
  const res = await t.call(feed ? null : ADMIN, addressOf(operation, request), {
    method: operation.method,
    headers,
    // Serialised here: the test client sends a string body as it is, and a body may be one.
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}`);
  if (res.status >= 400 && !errorBodySchema.safeParse(res.json).success) {
    problems.push(`answered ${res.status} outside the one error shape: ${res.text.slice(0, 200)}`);
  }
  const judgement = oracle.judge(key, request);
  // An empty path parameter leaves an address no route has ("/tasks/"): 404, before any validator.
  const noSuchAddress = Object.values(request.params).some((value) => value === "");
  // The feeds answer a batch with any bad record 422, listing every one (documented, SPEC §12).
  const refusals = noSuchAddress ? [404] : feed ? [400, 422] : [400];
  if (!judgement.valid && !refusals.includes(res.status)) {
    problems.push(
      `the document refuses it (${judgement.problems.join("; ")}) but the server answered ${res.status}`,
    );
  }
  if (judgement.valid && res.status === 400) {
    problems.push(`the document accepts it but the server refused it: ${res.text.slice(0, 300)}`);
  }
  return problems.map((problem) => `${key} with ${mutated.description}: ${problem}`);
}

describe("hostile input on every operation: never a 5xx, one error shape, the document and the server agree", () => {
  it("covers every operation the OpenAPI document lists", () => {
    expect(oracle.operations.map((op) => op.key).sort()).toEqual([...operations].sort());
  });

  for (const key of operations) {
    it(key, async () => {
      const base = await baseRequestOf(key);
      const problems: string[] = [];
      // NUL text, 2^31 and year 0000 in every input location ("Done when").
      for (const variant of everyHostileVariant(base, oracle.operation(key))) {
        problems.push(...(await problemsWith(key, variant)));
      }
      expect(problems).toEqual([]);
      await fc.assert(
        fc.asyncProperty(mutatedRequest(base, oracle.operation(key)), async (mutated) => {
          const found = await problemsWith(key, mutated);
          if (found.length > 0) throw new Error(found.join("\n"));
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
