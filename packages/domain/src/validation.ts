import { z } from "zod";

/**
 * Building blocks for input schemas, so that every number and date a person or a feed sends fits
 * the column it is stored in (and the arithmetic done on it) before it reaches the database: a
 * value PostgreSQL cannot hold would otherwise fail deep inside a write as a 500. Route and
 * domain input schemas use these instead of a bare `z.number().int()` or `z.iso.date()`.
 *
 * `z.int32()` would bound the same range, but the OpenAPI generator documents only `int`
 * (safe integer) formats as `integer` with their minimum and maximum: hence `int().min().max()`.
 */

/** The range of a PostgreSQL `integer` column (int4). */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** Dates people and feeds may send: nothing before the Unix epoch, nothing after 2200. */
export const EARLIEST_DATE = "1970-01-01";
export const LATEST_DATE = "2200-12-31";

const DAY_MS = 86_400_000;

/**
 * The most days between two dates of the window: a day offset (a playbook's `offsetDays`, a
 * task's `dueInDays`) beyond it cannot land on a date anyone means, and would overflow date
 * arithmetic long before PostgreSQL refused it.
 */
export const MAX_DAY_SPAN =
  (Date.parse(`${LATEST_DATE}T00:00:00Z`) - Date.parse(`${EARLIEST_DATE}T00:00:00Z`)) / DAY_MS;

type Bounds = { min?: number; max?: number };

function boundsWithin({ min, max }: Bounds, floor: number, ceiling: number) {
  const lower = min ?? floor;
  const upper = max ?? ceiling;
  if (lower < floor || upper > ceiling || lower > upper) {
    throw new RangeError(`bounds ${lower}…${upper} are not within ${floor}…${ceiling}`);
  }
  return { lower, upper };
}

const NUMBER_MESSAGE = "expected a number";
const WHOLE_MESSAGE = "expected a whole number";
// The range is checked before wholeness, and stops there: 1e20 is "too large", once.
const atLeast = (n: number) => ({
  message: n === 0 ? "must not be negative" : `must be at least ${n}`,
  abort: true,
});
const atMost = (n: number) => ({ message: `must be at most ${n}`, abort: true });

/**
 * A whole number a PostgreSQL `integer` column holds (counts, versions, day offsets), within
 * `min`…`max` when given (which must lie inside the int4 range).
 */
export function int32Schema(bounds: Bounds = {}) {
  const { lower, upper } = boundsWithin(bounds, INT32_MIN, INT32_MAX);
  return z
    .number({ error: NUMBER_MESSAGE })
    .min(lower, atLeast(lower))
    .max(upper, atMost(upper))
    .int(WHOLE_MESSAGE);
}

/**
 * A whole number a `bigint` column read as a JavaScript number holds (money in cents, ids of
 * `bigserial` rows): a safe integer, within `min`…`max` when given.
 */
export function safeIntegerSchema(bounds: Bounds = {}) {
  const { lower, upper } = boundsWithin(bounds, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return z
    .number({ error: NUMBER_MESSAGE })
    .min(lower, atLeast(lower))
    .max(upper, atMost(upper))
    .int(WHOLE_MESSAGE);
}

/** A count: a whole number from 0 that an `integer` column holds (DAU, MAU, seats). */
export const countSchema = int32Schema({ min: 0 });

/** Whole days to add to or take from a date, within the date window's span. */
export function dayCountSchema(bounds: Bounds = {}) {
  const { lower, upper } = boundsWithin(bounds, -MAX_DAY_SPAN, MAX_DAY_SPAN);
  return int32Schema({ min: lower, max: upper });
}

/** Whole numbers as people write them in an address: decimal digits, perhaps a minus sign. */
const WHOLE_NUMBER_TEXT = /^-?\d+$/;

/**
 * A whole number in a query string or a path (`?page=2`, `/versions/{version}`): read from its
 * text, then bounded like `int32Schema` (or, with `column: "bigint"`, like `safeIntegerSchema`).
 * Text that is not a number (`12abc`) or too large to be one (`1e400`) is refused.
 *
 * Only decimal digits are read: `Number()` alone would take empty text (`?page=`) and blanks as
 * 0, and `0x10`, `1e3` or ` 7 ` as numbers nobody typed into an address. Empty text is refused
 * rather than read as absent: the OpenAPI document says "integer", which "" is not, and a
 * client that sends `?page=` (a form's empty field) has a bug a silent default would hide;
 * `?renewalFrom=` and `?segment=` are refused for the same reason.
 */
export function wholeNumberParamSchema(bounds: Bounds & { column?: "integer" | "bigint" } = {}) {
  const [floor, ceiling] =
    bounds.column === "bigint" ? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] : [INT32_MIN, INT32_MAX];
  const { lower, upper } = boundsWithin(bounds, floor, ceiling);
  // NaN is what the number schema refuses as "expected a whole number"; the OpenAPI generator
  // documents the pipe by its number schema, so the document keeps `integer` and the bounds.
  return z.preprocess(
    (text: string) => (typeof text === "string" && !WHOLE_NUMBER_TEXT.test(text) ? Number.NaN : text),
    z.coerce
      .number<string>({ error: WHOLE_MESSAGE })
      .min(lower, atLeast(lower))
      .max(upper, atMost(upper))
      .int(WHOLE_MESSAGE),
  );
}

const WINDOW_MESSAGE = `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;
/** The window is checked only on text that is a date at all: one message for "yesterday". */
const wellFormed = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

/**
 * A calendar day `YYYY-MM-DD` that exists (no 2026-02-30) and lies in the window
 * 1970-01-01…2200-12-31 (no year 0000, which PostgreSQL cannot store).
 */
export const calendarDateSchema = z.iso
  .date({ error: "expected a date YYYY-MM-DD that exists" })
  .refine((day) => day >= EARLIEST_DATE && day <= LATEST_DATE, {
    message: WINDOW_MESSAGE,
    abort: true,
    when: wellFormed,
  })
  // The window in the OpenAPI document too (JSON Schema's formatMinimum/formatMaximum), so that a
  // client reading it knows year 0000 is refused before sending it.
  .meta({ formatMinimum: EARLIEST_DATE, formatMaximum: LATEST_DATE });

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** An ISO date-time with an offset (`2026-10-01T09:30:00Z`), inside the same window. */
export const instantSchema = z.iso
  .datetime({ offset: true, error: "expected an ISO date-time with offset (2026-10-01T09:30:00Z)" })
  .refine(
    (value) => {
      const ms = Date.parse(value);
      return ms >= EARLIEST_MS && ms <= LATEST_MS;
    },
    { message: WINDOW_MESSAGE, abort: true, when: wellFormed },
  )
  // What the check above accepts, written where the OpenAPI document shows it: JSON Schema's
  // `date-time` alone also allows a lowercase "t", a space or "+0530".
  .meta({
    pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
    formatMinimum: `${EARLIEST_DATE}T00:00:00Z`,
    formatMaximum: `${LATEST_DATE}T23:59:59.999Z`,
  });

/**
 * A patch (PATCH/PUT of some fields) that must change something: `{}` is refused with a clear
 * message, and the OpenAPI document says so (`minProperties: 1`).
 */
export function nonEmptyPatch<T extends z.ZodObject>(
  schema: T,
  message = "Send at least one field to change",
) {
  return schema
    .refine((patch) => Object.keys(patch as object).length > 0, { message })
    .meta({ minProperties: 1 });
}

/**
 * Marks a zod issue as a consistency check across fields (a reference to something missing, a
 * duplicate, one field that needs another): the request is well-formed as the OpenAPI document
 * describes it, but cannot be done as it stands. The API answers those 422, and keeps 400 for
 * input the document itself refuses (issue "security", part 6: the two agree).
 */
export const CONSISTENCY = { consistency: true } as const;

/** Whether every issue is a consistency check (then 422), not a malformed value (400). */
export function onlyConsistencyIssues(issues: readonly { code: string; params?: unknown }[]): boolean {
  return (
    issues.length > 0 &&
    issues.every(
      (issue) =>
        issue.code === "custom" &&
        (issue.params as { consistency?: unknown } | undefined)?.consistency === true,
    )
  );
}

/**
 * Text a person must fill in (a title, a name): at most `max` characters as sent, not blank once
 * trimmed, stored trimmed. The OpenAPI document says the same (`maxLength`, `minLength`, a
 * non-space character), so a client learns "   " is refused before sending it.
 */
export function requiredTextSchema(max: number) {
  return z.string().max(max).trim().min(1, "must not be blank").meta({ pattern: "\\S" });
}
