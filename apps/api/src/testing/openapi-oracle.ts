import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * What the OpenAPI document promises about requests, as a judge: given one request to an
 * operation, is it one the document says the API accepts? A fuzzer compares that verdict with
 * the API's answer, so that no request the document allows is refused and none it forbids is
 * accepted (issue "security"). Only the document is read, never the zod schemas, so a gap
 * between the two shows up as a disagreement instead of being copied into the oracle.
 */

/** A JSON Schema (2020-12) as the OpenAPI 3.1 document writes it. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export type OpenApiParameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
};

export type OpenApiOperation = {
  operationId?: string;
  summary?: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } | { $ref: string };
  responses?: Record<string, unknown>;
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, unknown> & { parameters?: OpenApiOperation["parameters"] }>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, OpenApiParameter>;
    requestBodies?: Record<string, unknown>;
  };
};

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type OracleOperation = {
  method: HttpMethod;
  /** The OpenAPI template: `/api/v1/tasks/{id}`. */
  path: string;
  /** `METHOD /path` without the `/api/v1` prefix: `PATCH /tasks/{id}`. */
  key: string;
  operation: OpenApiOperation;
  /** Path-level and operation-level parameters, `$ref`s resolved (the operation's win). */
  parameters: OpenApiParameter[];
  /** The JSON request body, when the operation takes one. */
  body: { required: boolean; schema: JsonSchema } | null;
};

/**
 * One request as the fuzzer builds it: path parameters by name, query values as text (an array
 * for a parameter given more than once), headers, and the JSON body (undefined: none sent).
 */
export type OperationRequest = {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
};

export type Judgement = { valid: boolean; problems: string[] };

export type OpenApiOracle = {
  operations: OracleOperation[];
  /** The operation for `key` ("PATCH /tasks/{id}"); throws on a key the document lacks. */
  operation(key: string): OracleOperation;
  judge(key: string, request: OperationRequest): Judgement;
};

export type OracleOptions = {
  /**
   * How string lengths (`minLength`, `maxLength`) count: in code points, as JSON Schema says
   * (the default, so that a server counting UTF-16 units like zod does shows up), or in UTF-16
   * code units, to mirror the server and quiet that one known disagreement.
   */
  stringLength?: "code-points" | "utf16-units";
  /**
   * Apply the rule the document cannot state per string but the API keeps for every route
   * (http/input-guard.ts): no NUL character anywhere, no unpaired surrogate in a path or a JSON
   * body. On by default. Not in a query value: there it arrives %-escaped as bytes no decoder
   * reads (escapeForAddress), so the API sees other text, which is not refused.
   */
  unstorableText?: boolean;
};

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const COMPONENTS_ID = "https://keel.invalid/openapi/components.json";
const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\//;

/** Whole numbers in an address, read as the API reads them (`wholeNumberParamSchema`). */
const INTEGER_TEXT = /^-?\d+$/;
/** Other numbers in an address: JSON's number grammar. */
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The key of an operation: its method and its path inside the versioned API. */
export const operationKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/^\/api\/v\d+(?=\/)/, "")}`;

export function createOpenApiOracle(doc: OpenApiDocument, options: OracleOptions = {}): OpenApiOracle {
  const ajv = new Ajv2020({
    allErrors: true,
    // Union types (`["integer", "null"]`) are how OpenAPI 3.1 writes nullable values.
    allowUnionTypes: true,
    strict: true,
    // Ajv logs that `unicode` is deprecated whenever it is set: only set when asked for.
    ...(options.stringLength === "utf16-units" && { unicode: false }),
  });
  // OpenAPI's own annotations inside schemas: known words, nothing to check.
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  // `keywords` adds formatMinimum/formatMaximum, the only way a document can state a date window.
  addFormats(ajv, { formats: ["date", "date-time", "uuid", "email", "uri"], keywords: true });
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: pointRefsAtComponents(doc.components?.schemas ?? {}) });

  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (cacheKey: string, schema: JsonSchema) => {
    let validate = validators.get(cacheKey);
    if (!validate) {
      validate = ajv.compile(pointRefsAtComponents(schema));
      validators.set(cacheKey, validate);
    }
    return validate;
  };

  const resolve = <T>(value: T | { $ref: string }): T => {
    if (value && typeof value === "object" && "$ref" in value && typeof value.$ref === "string") {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
      const components = doc.components as Record<string, Record<string, unknown>> | undefined;
      const target = section && name ? components?.[section]?.[name] : undefined;
      if (target === undefined) throw new Error(`OpenAPI document: cannot resolve ${value.$ref}`);
      return resolve(target as T | { $ref: string });
    }
    return value as T;
  };

  const operations: OracleOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters ?? []).map((p) => resolve<OpenApiParameter>(p));
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()] as OpenApiOperation | undefined;
      if (!operation) continue;
      const own = (operation.parameters ?? []).map((p) => resolve<OpenApiParameter>(p));
      const parameters = [
        ...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)),
        ...own,
      ];
      const requestBody = operation.requestBody ? resolve(operation.requestBody) : undefined;
      const jsonSchema = requestBody?.content?.["application/json"]?.schema;
      operations.push({
        method,
        path,
        key: operationKey(method, path),
        operation,
        parameters,
        body: requestBody ? { required: requestBody.required === true, schema: jsonSchema ?? true } : null,
      });
    }
  }
  const byKey = new Map(operations.map((op) => [op.key, op]));

  function operationOf(key: string): OracleOperation {
    const found = byKey.get(key);
    if (!found) throw new Error(`No operation ${key} in the OpenAPI document`);
    return found;
  }

  function judge(key: string, request: OperationRequest): Judgement {
    const op = operationOf(key);
    const problems: string[] = [];
    const headers = new Map(Object.entries(request.headers ?? {}).map(([n, v]) => [n.toLowerCase(), v]));

    for (const parameter of op.parameters) {
      const where = `${parameter.in}.${parameter.name}`;
      const given =
        parameter.in === "path"
          ? request.params[parameter.name]
          : parameter.in === "query"
            ? request.query[parameter.name]
            : parameter.in === "header"
              ? headers.get(parameter.name.toLowerCase())
              : undefined; // cookies: the session's, not the fuzzer's
      if (given === undefined) {
        if (parameter.required || parameter.in === "path") problems.push(`${where}: required, missing`);
        continue;
      }
      const schema = parameter.schema ?? true;
      const validate = validatorOf(`${key} ${where}`, schema);
      problems.push(...judgeText(validate, schema, given, where));
    }

    if (op.body) {
      if (request.body === undefined) {
        if (op.body.required) problems.push("body: required, missing");
      } else {
        const validate = validatorOf(`${key} body`, op.body.schema);
        if (!validate(request.body)) problems.push(...describe("body", validate.errors));
      }
    }
    // A body sent to an operation that takes none is ignored by the API, so it is no problem here.
    if (options.unstorableText !== false) problems.push(...unstorableText(op, request));
    return { valid: problems.length === 0, problems };
  }

  return { operations, operation: operationOf, judge };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text the API refuses on every route, as http/input-guard.ts does. */
function unstorableText(op: OracleOperation, request: OperationRequest): string[] {
  const problems: string[] = [];
  const check = (where: string, text: string, surrogates: boolean) => {
    if (text.includes("\u0000")) problems.push(`${where}: contains a NUL character`);
    else if (surrogates && LONE_SURROGATE.test(text))
      problems.push(`${where}: contains an unpaired surrogate`);
  };
  for (const [name, text] of Object.entries(request.params)) check(`path.${name}`, text, true);
  for (const [name, value] of Object.entries(request.query)) {
    for (const text of Array.isArray(value) ? value : [value]) check(`query.${name}`, text, false);
  }
  for (const [name, text] of Object.entries(request.headers ?? {}))
    check(`header.${name.toLowerCase()}`, text, true);
  const walk = (where: string, value: unknown) => {
    if (typeof value === "string") check(where, value, true);
    else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(`${where}.${i}`, item);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        check(`${where} (a field name)`, key, true);
        walk(`${where}.${key}`, item);
      }
    }
  };
  // The API reads every JSON body it is sent, whether the operation takes one or not.
  if (request.body !== undefined && op.method !== "GET") walk("body", request.body);
  return problems;
}

/**
 * A parameter arrives as text (or, given more than once, as several texts); it is valid when
 * one reading of it the API also makes satisfies its schema: the text itself, the number it
 * spells for `integer`/`number`, the boolean for "true"/"false", or the list for an `array`.
 * A parameter not declared an array is refused when given twice, as Hono hands zod an array.
 */
function judgeText(
  validate: ValidateFunction,
  schema: JsonSchema,
  given: string | string[],
  where: string,
): string[] {
  const types = declaredTypes(schema);
  if (types.has("array")) {
    const texts = Array.isArray(given) ? given : [given];
    const items = typeof schema === "object" ? ((schema.items as JsonSchema | undefined) ?? true) : true;
    const itemTypes = declaredTypes(items);
    // Each item takes its most specific reading; the array as a whole is then checked.
    const list = texts.map((text) => readings(text, itemTypes).at(-1));
    return validate(list) ? [] : describe(where, validate.errors);
  }
  if (Array.isArray(given)) {
    if (given.length !== 1) return [`${where}: given ${given.length} times, declared once`];
    return judgeText(validate, schema, given[0] ?? "", where);
  }
  let errors: ErrorObject[] | null | undefined = null;
  for (const reading of readings(given, types)) {
    if (validate(reading)) return [];
    errors = validate.errors;
  }
  return describe(where, errors);
}

/** The values a text may stand for under `types`, least specific (the text) first. */
function readings(text: string, types: Set<string>): unknown[] {
  const values: unknown[] = [text];
  const integer = types.has("integer") && INTEGER_TEXT.test(text);
  if (integer || (types.has("number") && NUMBER_TEXT.test(text))) {
    const number = Number(text);
    if (Number.isFinite(number)) values.push(number);
  }
  if (types.has("boolean") && (text === "true" || text === "false")) values.push(text === "true");
  return values;
}

/** The JSON types a schema may take (through `type`, `enum`, `const`, anyOf/oneOf branches). */
function declaredTypes(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  if (typeof schema !== "object") return new Set(["string", "integer", "number", "boolean", "array"]);
  const { type, anyOf, oneOf, allOf, enum: values, const: constant } = schema;
  if (typeof type === "string") types.add(type);
  if (Array.isArray(type)) for (const t of type) types.add(String(t));
  for (const value of [
    ...(Array.isArray(values) ? values : []),
    ...(constant === undefined ? [] : [constant]),
  ]) {
    if (typeof value === "number") types.add(Number.isInteger(value) ? "integer" : "number");
    if (typeof value === "boolean") types.add("boolean");
  }
  for (const branches of [anyOf, oneOf, allOf]) {
    if (Array.isArray(branches))
      for (const branch of branches) for (const t of declaredTypes(branch)) types.add(t);
  }
  return types;
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  if (!errors?.length) return [`${where}: invalid`];
  return errors.map((error) => {
    const at = error.instancePath ? `${where}${error.instancePath.replaceAll("/", ".")}` : where;
    const extra =
      error.keyword === "additionalProperties"
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : error.keyword === "enum"
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : "";
    return `${at}: ${error.message ?? error.keyword}${extra}`;
  });
}

/** A copy of `schema` whose `#/components/schemas/X` refs point at the registered components. */
function pointRefsAtComponents<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(pointRefsAtComponents) as T;
  if (schema === null || typeof schema !== "object") return schema;
  const copy: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    copy[keyword] =
      keyword === "$ref" && typeof value === "string" && COMPONENT_SCHEMA_REF.test(value)
        ? `${COMPONENTS_ID}#/$defs/${value.replace(COMPONENT_SCHEMA_REF, "")}`
        : pointRefsAtComponents(value);
  }
  return copy as T;
}

/**
 * The address of `request` to `operation`: path parameters filled in, the query appended (an
 * array as the parameter repeated), every value %-escaped by `escapeForAddress`, ready for
 * `app.request()`.
 */
export function addressOf(operation: Pick<OracleOperation, "path">, request: OperationRequest): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    escapeForAddress(request.params[name] ?? ""),
  );
  const query = Object.entries(request.query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (text) => `${escapeForAddress(name)}=${escapeForAddress(text)}`,
    ),
  );
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}

/**
 * `encodeURIComponent`, except that an unpaired surrogate, which it refuses (URIError) and
 * URLSearchParams silently turns into U+FFFD, is sent as the bytes of its code point
 * (`%ED%A0%80` for U+D800): what a hostile client would send, which no UTF-8 decoder accepts.
 */
export function escapeForAddress(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[^\uD800-\uDFFF]+|[\uD800-\uDBFF][\uDC00-\uDFFF]/g,
    (part) => {
      if (part.length !== 1 || !/[\uD800-\uDFFF]/.test(part)) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    },
  );
}
