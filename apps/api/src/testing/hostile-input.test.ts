import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ABSENT,
  describeLocation,
  everyHostileVariant,
  hostileCatalog,
  type InputLocation,
  inputAt,
  inputLocations,
  isSendableHeaderValue,
  mutatedRequest,
  NUL_TEXT,
  showValue,
  withInput,
} from "./hostile-input.ts";
import type { OperationRequest, OracleOperation } from "./openapi-oracle.ts";

/** Pure: an operation written by hand, shaped like the oracle's "PATCH /tasks/{id}". */
const patchTask: OracleOperation = {
  method: "PATCH",
  path: "/api/v1/tasks/{id}",
  key: "PATCH /tasks/{id}",
  operation: {},
  parameters: [
    { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
    { name: "expand", in: "query", schema: { type: "string" } },
    { name: "If-Match", in: "header", schema: { type: "string" } },
  ],
  body: { required: true, schema: { type: "object" } },
};

const base: OperationRequest = {
  params: { id: "3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b" },
  query: { page: "2" },
  headers: { "If-Match": '"1"', Origin: "http://localhost:3000" },
  body: { title: "Call", checklist: [{ done: false }] },
};

/** Header names are case-insensitive; a replaced header comes back lower-cased. */
const lowerCaseHeaders = (request: OperationRequest) => ({
  ...request,
  headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([n, v]) => [n.toLowerCase(), v])),
});

const where = (locations: InputLocation[]) => locations.map(describeLocation);

describe("the catalog", () => {
  it("holds the issue's hostile values, by kind", () => {
    const values = hostileCatalog.map((h) => h.value);
    for (const value of [
      NUL_TEXT,
      "\ud800",
      "a".repeat(10_000),
      2 ** 31,
      2 ** 31 - 1,
      -(2 ** 31) - 1,
      2 ** 53,
      1e308,
      -1,
      0,
      0.5,
      "NaN",
      "0000-01-01",
      "1969-12-31",
      "2201-01-01",
      "9999-12-31",
      "2026-02-30",
      "2026-13-01",
      null,
      [],
      {},
      true,
    ]) {
      expect(values, showValue(value)).toContainEqual(value);
    }
    expect(new Set(hostileCatalog.map((h) => h.kind))).toEqual(
      new Set(["text", "number", "date", "wrong type"]),
    );
  });
});

describe("input locations", () => {
  it("path, given and declared query parameters, declared headers, the body and every field in it", () => {
    expect(where(inputLocations(base, patchTask))).toEqual([
      "path.id",
      "query.page",
      "query.expand",
      "header.if-match",
      "body",
      "body.title",
      "body.checklist",
      "body.checklist.0",
      "body.checklist.0.done",
    ]);
  });

  it("an operation with no input gets an undeclared query parameter, which the API ignores", () => {
    const me: OracleOperation = { ...patchTask, parameters: [], body: null };
    expect(where(inputLocations({ params: {}, query: {} }, me))).toEqual(["query.unexpected"]);
  });
});

describe("withInput", () => {
  it("replaces one input at any depth, leaving the base request as it was", () => {
    const before = structuredClone(base);
    const changed = withInput(base, { in: "body", pointer: ["checklist", 0, "done"] }, 2 ** 31);
    expect(changed.body).toEqual({ title: "Call", checklist: [{ done: 2 ** 31 }] });
    expect(base).toEqual(before);
  });

  it("sends numbers and other JSON as text in addresses and headers; ABSENT leaves an input out", () => {
    expect(withInput(base, { in: "query", name: "page" }, 2 ** 31).query.page).toBe("2147483648");
    expect(withInput(base, { in: "path", name: "id" }, null).params.id).toBe("null");
    expect(withInput(base, { in: "header", name: "if-match" }, "0000-01-01").headers).toEqual({
      "if-match": "0000-01-01",
      Origin: "http://localhost:3000",
    });
    expect(withInput(base, { in: "query", name: "page" }, ABSENT).query).toEqual({});
    expect(withInput(base, { in: "body", pointer: ["title"] }, ABSENT).body).toEqual({
      checklist: [{ done: false }],
    });
    expect(withInput(base, { in: "body", pointer: [] }, ABSENT)).not.toHaveProperty("body");
  });
});

describe("mutatedRequest", () => {
  it("changes exactly one input: putting back the base's value there gives the base request", () => {
    fc.assert(
      fc.property(mutatedRequest(base, patchTask), ({ request, location, description }) => {
        expect(description.startsWith(`${describeLocation(location)} ← `)).toBe(true);
        const restored = withInput(request, location, inputAt(base, location));
        expect(lowerCaseHeaders(restored)).toEqual(lowerCaseHeaders(base));
      }),
      { numRuns: 300 },
    );
  });

  it("reaches every location, and sends only header values a client can send", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(mutatedRequest(base, patchTask), ({ request, location }) => {
        seen.add(describeLocation(location));
        for (const value of Object.values(request.headers ?? {}))
          expect(isSendableHeaderValue(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(where(inputLocations(base, patchTask)).sort());
  });

  it("puts catalog values and made-up ones in the body, and never NaN or infinity (JSON has none)", () => {
    const bodyValues = fc.sample(
      mutatedRequest({ params: {}, query: {}, body: { n: 1 } }, { ...patchTask, parameters: [] }),
      { numRuns: 400, seed: 7 },
    );
    const origins = new Set(bodyValues.map((m) => m.description.replace(/^.*\((.*)\)$/, "$1").split(":")[0]));
    for (const { request } of bodyValues) {
      expect(JSON.parse(JSON.stringify(request.body ?? null))).toEqual(request.body ?? null);
    }
    expect([...origins]).toEqual(
      expect.arrayContaining(["hostile text", "random text", "random integer", "left out"]),
    );
  });
});

describe("everyHostileVariant", () => {
  it("puts NUL text, 2^31 and year 0000 in each location once; headers get no NUL", () => {
    const variants = everyHostileVariant(base, patchTask);
    const locations = inputLocations(base, patchTask);
    expect(variants).toHaveLength(locations.length * 3 - 1);
    const descriptions = variants.map((v) => v.description);
    expect(descriptions).toContain('query.expand ← "before\\u0000after" (hostile text: NUL)');
    expect(descriptions).toContain("body.checklist.0.done ← 2147483648 (hostile number: 2^31)");
    expect(descriptions).toContain('path.id ← "0000-01-01" (hostile date: year 0000)');
    expect(descriptions).toContain('header.if-match ← "2147483648" (hostile number: 2^31)');
    expect(descriptions.filter((d) => d.startsWith("header.") && d.includes("NUL"))).toEqual([]);
    const nulInPath = variants.find((v) => v.description.startsWith('path.id ← "before'));
    expect(nulInPath?.request.params.id).toBe(NUL_TEXT);
  });

  it("without an operation, uses the inputs the base request has", () => {
    const variants = everyHostileVariant({ params: {}, query: { q: "x" } });
    expect(variants.map((v) => v.request.query.q)).toEqual([NUL_TEXT, "2147483648", "0000-01-01"]);
  });
});

describe("showValue", () => {
  it("makes invisible characters visible and shortens long text", () => {
    expect(showValue("a\u0000b\u202e")).toBe('"a\\u0000b\\u202e"');
    expect(showValue("\ud800")).toBe('"\\ud800"');
    expect(showValue("a".repeat(10_000))).toMatch(/… \(10002 characters\)$/);
    expect(showValue(ABSENT)).toBe("(left out)");
  });
});
