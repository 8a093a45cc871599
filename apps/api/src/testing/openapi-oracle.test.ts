import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import type { AppDeps } from "../http/context.ts";
import {
  addressOf,
  createOpenApiOracle,
  escapeForAddress,
  type OpenApiDocument,
  type OpenApiOracle,
} from "./openapi-oracle.ts";

/**
 * The oracle judges requests by the app's own OpenAPI document. Serving the document touches
 * neither the database nor sign-in, so the app is built without them.
 */
let doc: OpenApiDocument;
let oracle: OpenApiOracle;

const ID = "3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b";

beforeAll(async () => {
  const app = createApp({
    db: undefined as unknown as AppDeps["db"],
    auth: { options: {} } as unknown as AppDeps["auth"],
    logger: pino({ level: "silent" }),
    now: () => new Date("2026-10-20T12:00:00Z"),
  });
  const res = await app.request("/api/openapi.json");
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
  oracle = createOpenApiOracle(doc);
});

describe("operations", () => {
  it("lists every operation of the document, keyed by method and path inside /api/v1", () => {
    const inDocument = Object.values(doc.paths).flatMap((item) =>
      Object.keys(item).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)),
    );
    expect(oracle.operations).toHaveLength(inDocument.length);
    const patchTask = oracle.operation("PATCH /tasks/{id}");
    expect(patchTask).toMatchObject({ method: "PATCH", path: "/api/v1/tasks/{id}" });
    expect(patchTask.parameters.map((p) => `${p.in}.${p.name}`)).toEqual(["path.id", "header.if-match"]);
    expect(patchTask.body).toMatchObject({
      required: true,
      schema: { $ref: "#/components/schemas/TaskPatch" },
    });
    expect(oracle.operation("GET /accounts").body).toBeNull();
    expect(oracle.operations.map((op) => op.key)).toContain("POST /ingest/usage");
  });

  it("refuses to judge an operation the document lacks", () => {
    expect(() => oracle.judge("GET /payroll", { params: {}, query: {} })).toThrow(
      /No operation GET \/payroll/,
    );
  });
});

describe("path parameters and headers", () => {
  it("a task edit with a uuid, If-Match and a title is valid; header names are case-insensitive", () => {
    for (const header of ["If-Match", "if-match"]) {
      expect(
        oracle.judge("PATCH /tasks/{id}", {
          params: { id: ID },
          query: {},
          headers: { [header]: '"1"' },
          body: { title: "Call the champion" },
        }),
      ).toEqual({ valid: true, problems: [] });
    }
  });

  it("a path parameter must be there and match its format", () => {
    const body = { title: "x" };
    expect(oracle.judge("PATCH /tasks/{id}", { params: { id: "42" }, query: {}, body }).problems).toEqual([
      'path.id: must match format "uuid"',
    ]);
    expect(oracle.judge("PATCH /tasks/{id}", { params: {}, query: {}, body }).problems).toEqual([
      "path.id: required, missing",
    ]);
  });

  it("a whole-number path parameter is read from its digits and bounded", () => {
    const judge = (version: string) =>
      oracle.judge("GET /health/policies/{version}", { params: { version }, query: {} }).valid;
    expect(judge("1")).toBe(true);
    expect(judge(String(2 ** 31 - 1))).toBe(true);
    for (const version of [String(2 ** 31), "0", "-1", "1.5", "1e3", " 7", "0x10", "", "seven"]) {
      expect(judge(version), version).toBe(false);
    }
  });
});

describe("query parameters", () => {
  const accounts = (query: Record<string, string | string[]>) =>
    oracle.judge("GET /accounts", { params: {}, query });

  it("integers, enums and dates as text; left out is fine when optional", () => {
    expect(accounts({})).toEqual({ valid: true, problems: [] });
    expect(
      accounts({
        page: "2",
        pageSize: "500",
        segment: "smb",
        renewalFrom: "2026-01-31",
        renewalWithinDays: "0",
      }),
    ).toEqual({ valid: true, problems: [] });
    expect(accounts({ pageSize: "501" }).problems).toEqual(["query.pageSize: must be <= 500"]);
    expect(accounts({ segment: "galactic" }).problems).toEqual([
      'query.segment: must be equal to one of the allowed values (["strategic","enterprise","mid-market","smb","commercial"])',
    ]);
    expect(accounts({ renewalFrom: "2026-02-30" }).valid).toBe(false);
  });

  it("empty text, blanks and other spellings of numbers are not integers", () => {
    for (const page of ["", " ", "1e3", "+2", "0x10", "12abc", "2147483648"]) {
      expect(accounts({ page }).valid, JSON.stringify(page)).toBe(false);
    }
    // `["integer", "null"]`: no text is null.
    expect(accounts({ renewalWithinDays: "null" }).valid).toBe(false);
  });

  it("a parameter given twice is refused unless declared an array; once in an array is once", () => {
    expect(accounts({ page: ["1", "2"] }).problems).toEqual(["query.page: given 2 times, declared once"]);
    expect(accounts({ page: ["3"] }).valid).toBe(true);
  });

  it("a required query parameter must be there; an undeclared one is ignored, as the API does", () => {
    const asOf = (query: Record<string, string>) =>
      oracle.judge("GET /accounts/{id}/health/as-of", { params: { id: ID }, query });
    expect(asOf({}).problems).toEqual(["query.date: required, missing"]);
    expect(asOf({ date: "2026-10-01", utm_source: "newsletter" }).valid).toBe(true);
  });
});

describe("request bodies", () => {
  it("a required body must be sent; a body sent where none is taken is ignored", () => {
    expect(oracle.judge("PATCH /tasks/{id}", { params: { id: ID }, query: {} }).problems).toEqual([
      "body: required, missing",
    ]);
    expect(oracle.judge("GET /accounts", { params: {}, query: {}, body: { ignored: true } }).valid).toBe(
      true,
    );
  });

  it("refuses unknown fields where the schema closes the object, and names every problem", () => {
    const judgement = oracle.judge("PATCH /tasks/{id}", {
      params: { id: ID },
      query: {},
      body: { title: "", priority: "high", dueDate: 20261001 },
    });
    expect(judgement.valid).toBe(false);
    expect(judgement.problems).toEqual(
      expect.arrayContaining([
        "body: must NOT have additional properties (priority)",
        "body.title: must NOT have fewer than 1 characters",
        "body.dueDate: must be string",
      ]),
    );
  });

  it("follows $refs into components: an ingested usage count past 2^31-1 is invalid, deep in an array", () => {
    const usage = (mau: unknown) =>
      oracle.judge("POST /ingest/usage", {
        params: {},
        query: {},
        body: { records: [{ accountId: ID, day: "2026-10-20", dau: 3, mau }] },
      });
    expect(usage(9)).toEqual({ valid: true, problems: [] });
    // The body is one record or a batch (oneOf): every branch's complaint is listed.
    expect(usage(2 ** 31).problems).toEqual(
      expect.arrayContaining(["body.records.0.mau: must be <= 2147483647"]),
    );
    expect(usage("9").valid).toBe(false);
    expect(usage(null).valid).toBe(false);
  });

  it("counts string lengths in code points, as JSON Schema does, or in UTF-16 units when asked", () => {
    const title = "😀".repeat(300); // maxLength 300: 300 code points, 600 UTF-16 units
    const request = { params: { id: ID }, query: {}, body: { title } };
    expect(oracle.judge("PATCH /tasks/{id}", request).valid).toBe(true);
    const likeZod = createOpenApiOracle(doc, { stringLength: "utf16-units" });
    expect(likeZod.judge("PATCH /tasks/{id}", request).problems).toEqual([
      "body.title: must NOT have more than 300 characters",
    ]);
  });
});

describe("readings the app's document has no example of", () => {
  const tiny: OpenApiDocument = {
    openapi: "3.1.0",
    paths: {
      "/api/v1/reports": {
        parameters: [
          { name: "tag", in: "query", schema: { type: "array", items: { type: "integer", minimum: 1 } } },
        ],
        get: {
          parameters: [
            { name: "archived", in: "query", schema: { type: "boolean" } },
            { name: "ratio", in: "query", schema: { type: "number", maximum: 1 } },
          ],
        },
      },
    },
  };
  const reports = (query: Record<string, string | string[]>) =>
    createOpenApiOracle(tiny).judge("GET /reports", { params: {}, query }).valid;

  it("booleans are true or false; numbers in JSON's grammar; arrays repeat the parameter", () => {
    expect(reports({ archived: "true", ratio: "0.25", tag: ["1", "2"] })).toBe(true);
    expect(reports({ tag: "7" })).toBe(true);
    expect(reports({ archived: "yes" })).toBe(false);
    expect(reports({ ratio: "1.5" })).toBe(false);
    expect(reports({ ratio: ".5" })).toBe(false);
    expect(reports({ tag: ["1", "0"] })).toBe(false);
  });
});

describe("text the API refuses on every route (http/input-guard.ts)", () => {
  const patch = (body: unknown, id = ID) => ({ params: { id }, query: {}, body });

  it("a NUL or an unpaired surrogate in a body string or field name, or a path, is invalid", () => {
    expect(oracle.judge("PATCH /tasks/{id}", patch({ title: "a\u0000b" })).problems).toEqual([
      "body.title: contains a NUL character",
    ]);
    expect(oracle.judge("PATCH /tasks/{id}", patch({ notes: "\ud800" })).problems).toEqual([
      "body.notes: contains an unpaired surrogate",
    ]);
    expect(oracle.judge("PATCH /tasks/{id}", patch({ title: "ok" }, "\u0000")).problems).toEqual(
      expect.arrayContaining(["path.id: contains a NUL character"]),
    );
    // A paired surrogate is an ordinary character.
    expect(oracle.judge("PATCH /tasks/{id}", patch({ title: "🚀" })).valid).toBe(true);
  });

  it("in a query value only NUL: an unpaired surrogate arrives as other text", () => {
    const q = (text: string) => oracle.judge("GET /accounts", { params: {}, query: { q: text } });
    expect(q("a\u0000").valid).toBe(false);
    expect(q("\ud800").valid).toBe(true);
  });

  it("can be turned off, to judge by the document alone", () => {
    const byDocument = createOpenApiOracle(doc, { unstorableText: false });
    expect(byDocument.judge("PATCH /tasks/{id}", patch({ title: "a\u0000b" })).valid).toBe(true);
  });
});

describe("addressOf", () => {
  it("escapes an unpaired surrogate as the bytes of its code point, which no decoder accepts", () => {
    expect(escapeForAddress("\ud800")).toBe("%ED%A0%80");
    expect(escapeForAddress("a\udc00🚀")).toBe("a%ED%B0%80%F0%9F%9A%80");
    expect(escapeForAddress("a\u0000 b/c")).toBe("a%00%20b%2Fc");
  });

  it("fills path parameters %-escaped and repeats array query values", () => {
    const op = oracle.operation("GET /accounts/{id}/health/as-of");
    expect(addressOf(op, { params: { id: "a/b c" }, query: { date: "2026-10-01", tag: ["x", "y&z"] } })).toBe(
      "/api/v1/accounts/a%2Fb%20c/health/as-of?date=2026-10-01&tag=x&tag=y%26z",
    );
    expect(addressOf(op, { params: { id: ID }, query: {} })).toBe(`/api/v1/accounts/${ID}/health/as-of`);
  });
});
