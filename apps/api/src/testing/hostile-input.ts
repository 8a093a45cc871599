import fc from "fast-check";
import type { OperationRequest, OracleOperation } from "./openapi-oracle.ts";

/**
 * Values that have broken APIs like this one (issue "security"): text PostgreSQL cannot store,
 * numbers just past a column's range or past what a double holds exactly, dates before the epoch
 * or that do not exist, and JSON of the wrong type. Every route must answer them 4xx in the one
 * error shape, never 5xx.
 */
export type HostileKind = "text" | "number" | "date" | "wrong type";
export type HostileValue = { kind: HostileKind; name: string; value: unknown };

const hostile = (kind: HostileKind, entries: Record<string, unknown>): HostileValue[] =>
  Object.entries(entries).map(([name, value]) => ({ kind, name, value }));

export const NUL_TEXT = "before\u0000after";

export const hostileTexts = hostile("text", {
  NUL: NUL_TEXT,
  "lone high surrogate": "\ud800",
  "lone low surrogate": "x\udc00y",
  "10,000 characters": "a".repeat(10_000),
  "right-to-left override": "\u202egnp.exe",
  "zero-width characters": "a\u200bb\u200d\ufeff",
  "SQL-ish": "'; drop table accounts; --",
  "HTML-ish": '<img src=x onerror="alert(1)">',
  emoji: "👩🏽‍💻🚀",
  blank: "   ",
  empty: "",
});

export const hostileNumbers = hostile("number", {
  "2^31": 2 ** 31,
  "2^31-1": 2 ** 31 - 1,
  "-(2^31)-1": -(2 ** 31) - 1,
  "2^53": 2 ** 53,
  "1e308": 1e308,
  "-1": -1,
  "0": 0,
  "0.5": 0.5,
  "NaN as text": "NaN",
});

export const hostileDates = hostile("date", {
  "year 0000": "0000-01-01",
  "day before the epoch": "1969-12-31",
  "past 2200": "2201-01-01",
  "year 9999": "9999-12-31",
  "February 30th": "2026-02-30",
  "month 13": "2026-13-01",
});

export const wrongTypes = hostile("wrong type", {
  null: null,
  "empty array": [],
  "empty object": {},
  true: true,
});

export const hostileCatalog: readonly HostileValue[] = [
  ...hostileTexts,
  ...hostileNumbers,
  ...hostileDates,
  ...wrongTypes,
];

/** One place a request carries input. A body pointer of [] is the whole body. */
export type InputLocation =
  | { in: "path"; name: string }
  | { in: "query"; name: string }
  | { in: "header"; name: string }
  | { in: "body"; pointer: ReadonlyArray<string | number> };

/** A request with one input changed, and what was changed, for a failure message. */
export type MutatedRequest = { request: OperationRequest; location: InputLocation; description: string };

/** A body field or query parameter left out: a mutation of its own (required ones go missing). */
export const ABSENT: unique symbol = Symbol("absent");

export const describeLocation = (location: InputLocation) =>
  location.in === "body" ? ["body", ...location.pointer].join(".") : `${location.in}.${location.name}`;

/**
 * Where `base` to `operation` carries input: its path parameters, its query parameters and those
 * the operation declares but `base` leaves out, the headers the operation declares, the whole
 * JSON body and every field at any depth of it. An operation that takes no input gets an
 * undeclared query parameter, which the API ignores.
 */
export function inputLocations(base: OperationRequest, operation?: OracleOperation): InputLocation[] {
  const declared = operation?.parameters ?? [];
  const names = (where: "path" | "query" | "header", given: string[]) => [
    ...new Set([...given, ...declared.filter((p) => p.in === where).map((p) => p.name)]),
  ];
  const locations: InputLocation[] = [
    ...names("path", Object.keys(base.params)).map((name) => ({ in: "path" as const, name })),
    ...names("query", Object.keys(base.query)).map((name) => ({ in: "query" as const, name })),
    // Headers the operation does not declare (Cookie, Origin) are the test's, not the fuzzer's.
    ...names("header", []).map((name) => ({ in: "header" as const, name: name.toLowerCase() })),
  ];
  if (base.body !== undefined || operation?.body) {
    locations.push({ in: "body", pointer: [] });
    const walk = (value: unknown, pointer: Array<string | number>) => {
      const children: Array<[string | number, unknown]> = Array.isArray(value)
        ? value.map((item, i) => [i, item])
        : value !== null && typeof value === "object"
          ? Object.entries(value)
          : [];
      for (const [key, child] of children) {
        locations.push({ in: "body", pointer: [...pointer, key] });
        walk(child, [...pointer, key]);
      }
    };
    walk(base.body, []);
  }
  if (locations.length === 0) locations.push({ in: "query", name: "unexpected" });
  return locations;
}

/** How a value travels in an address or a header: numbers as written, other JSON as JSON. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/**
 * Whether a header can carry `text` at all: fetch's Headers refuse NUL, CR, LF and characters
 * past U+00FF, and trim surrounding blanks, so such values never reach the API as written.
 */
export function isSendableHeaderValue(text: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(text) && text === text.trim();
}

/** `base` with the input at `location` replaced by `value` (or left out, for ABSENT). */
export function withInput(base: OperationRequest, location: InputLocation, value: unknown): OperationRequest {
  const request: OperationRequest = {
    params: { ...base.params },
    query: { ...base.query },
    ...(base.headers && { headers: { ...base.headers } }),
    ...(base.body !== undefined && { body: structuredClone(base.body) }),
  };
  if (location.in === "path") request.params[location.name] = asText(value === ABSENT ? "" : value);
  else if (location.in === "query") {
    if (value === ABSENT) delete request.query[location.name];
    // A parameter given more than once stays a list of texts; anything else travels as text.
    else
      request.query[location.name] =
        Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")
          ? [...value]
          : asText(value);
  } else if (location.in === "header") {
    const headers = Object.fromEntries(
      Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== location.name),
    );
    if (value !== ABSENT) headers[location.name] = asText(value);
    request.headers = headers;
  } else if (location.pointer.length === 0) {
    if (value === ABSENT) delete request.body;
    else request.body = value;
  } else {
    const parent = location.pointer
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], request.body);
    const key = location.pointer.at(-1) as string | number;
    if (Array.isArray(parent) && typeof key === "number") {
      if (value === ABSENT) parent.splice(key, 1);
      else parent[key] = value;
    } else {
      const fields = parent as Record<string, unknown>;
      if (value === ABSENT) delete fields[key];
      else fields[key] = value;
    }
  }
  return request;
}

/** What `request` carries at `location`: text, a JSON value, or ABSENT. */
export function inputAt(request: OperationRequest, location: InputLocation): unknown {
  let found: unknown;
  if (location.in === "path") found = request.params[location.name];
  else if (location.in === "query") found = request.query[location.name];
  else if (location.in === "header") {
    found = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === location.name)?.[1];
  } else {
    found = location.pointer.reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === "object" && Object.hasOwn(node, key)
          ? (node as Record<string | number, unknown>)[key]
          : undefined,
      request.body,
    );
  }
  return found === undefined ? ABSENT : found;
}

/** A value for a failure message: JSON, shortened, invisible characters made visible. */
export function showValue(value: unknown): string {
  if (value === ABSENT) return "(left out)";
  const shown = JSON.stringify(value, (_, v) =>
    typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
  );
  // JSON already escapes control characters and unpaired surrogates; these are the invisible rest.
  const escaped = (shown ?? String(value)).replace(
    /[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return escaped.length > 80 ? `${escaped.slice(0, 60)}… (${escaped.length} characters)` : escaped;
}

function mutation(base: OperationRequest, location: InputLocation, value: unknown, origin: string) {
  // Shown as sent: in an address or a header, 2^31 is the text "2147483648".
  const sent = location.in === "body" || value === ABSENT ? value : asText(value);
  return {
    request: withInput(base, location, sent),
    location,
    description: `${describeLocation(location)} ← ${showValue(sent)} (${origin})`,
  };
}

// JSON carries no NaN or infinity (JSON.stringify writes null): a body would say one thing to the
// oracle and another on the wire. "NaN" as text, and 1e308, stand in for them.
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Any value for `location`: one from the catalog, or one fast-check makes up. */
function valueFor(location: InputLocation): fc.Arbitrary<{ value: unknown; origin: string }> {
  const catalog = fc
    .constantFrom(...hostileCatalog)
    .map(({ kind, name, value }) => ({ value, origin: `hostile ${kind}: ${name}` }));
  const made = (origin: string) => (value: unknown) => ({ value, origin });
  const absent = fc.constant({ value: ABSENT as unknown, origin: "left out" });
  if (location.in === "body") {
    const values = [
      catalog,
      fc.string({ unit: "binary" }).map(made("random text")),
      fc.integer().map(made("random integer")),
      finiteDouble.map(made("random double")),
    ];
    // An element left out of a list is only a shorter list; "empty array" covers lists better.
    return typeof location.pointer.at(-1) === "number" ? fc.oneof(...values) : fc.oneof(...values, absent);
  }
  const texts = fc.oneof(
    catalog.map(({ value, origin }) => ({ value: asText(value), origin })),
    fc.string({ unit: "binary" }).map(made("random text")),
    fc.integer().map((n) => ({ value: String(n), origin: "random integer" })),
    finiteDouble.map((n) => ({ value: String(n), origin: "random double" })),
  );
  if (location.in === "header") {
    return fc.oneof(
      texts.filter(({ value }) => isSendableHeaderValue(value as string)),
      absent,
    );
  }
  // A path parameter cannot be left out: the address would be another route's.
  return location.in === "query" ? fc.oneof(texts, absent) : texts;
}

/**
 * A request like `base` (a valid request to `operation`) with exactly one input replaced by a
 * hostile or random value, or left out: a path parameter, a query parameter (given or only
 * declared), a declared header, any field of the JSON body at any depth, or the whole body.
 */
export function mutatedRequest(
  base: OperationRequest,
  operation: OracleOperation,
): fc.Arbitrary<MutatedRequest> {
  return fc
    .constantFrom(...inputLocations(base, operation))
    .chain((location) =>
      valueFor(location).map(({ value, origin }) => mutation(base, location, value, origin)),
    );
}

/**
 * The values the "Done when" puts in every input of every route: NUL text, 2^31 and
 * year 0000. Headers get 2^31 and year 0000 only: no HTTP client can send a NUL in a header.
 */
export const DONE_WHEN_VALUES: readonly HostileValue[] = [
  { kind: "text", name: "NUL", value: NUL_TEXT },
  { kind: "number", name: "2^31", value: 2 ** 31 },
  { kind: "date", name: "year 0000", value: "0000-01-01" },
];

/** `base` with each of DONE_WHEN_VALUES in each input location, once (see inputLocations). */
export function everyHostileVariant(base: OperationRequest, operation?: OracleOperation): MutatedRequest[] {
  return inputLocations(base, operation).flatMap((location) =>
    DONE_WHEN_VALUES.filter(
      ({ value }) => location.in !== "header" || isSendableHeaderValue(asText(value)),
    ).map(({ kind, name, value }) => mutation(base, location, value, `hostile ${kind}: ${name}`)),
  );
}
