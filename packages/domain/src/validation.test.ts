import { describe, expect, it } from "vitest";
import {
  calendarDateSchema,
  countSchema,
  dayCountSchema,
  INT32_MAX,
  instantSchema,
  int32Schema,
  MAX_DAY_SPAN,
  safeIntegerSchema,
  wholeNumberParamSchema,
} from "./validation.ts";

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.message);

describe("whole numbers bounded to the column that stores them", () => {
  it("an integer column holds -2^31 … 2^31-1, and nothing past it", () => {
    const schema = int32Schema();
    expect(schema.safeParse(INT32_MAX).success).toBe(true);
    expect(schema.safeParse(-(2 ** 31)).success).toBe(true);
    expect(messages(schema.safeParse(2 ** 31))).toEqual(["must be at most 2147483647"]);
    expect(messages(schema.safeParse(-(2 ** 31) - 1))).toEqual(["must be at least -2147483648"]);
    expect(messages(schema.safeParse(2 ** 53 - 1))).toEqual(["must be at most 2147483647"]);
    // Past the safe integers, still one message: the range is checked first, and stops there.
    expect(messages(schema.safeParse(1e20))).toEqual(["must be at most 2147483647"]);
    expect(messages(schema.safeParse(1.5))).toEqual(["expected a whole number"]);
    expect(messages(schema.safeParse(Number.POSITIVE_INFINITY))).toEqual(["expected a number"]);
    expect(messages(schema.safeParse(Number.NaN))).toEqual(["expected a number"]);
    expect(messages(schema.safeParse("3"))).toEqual(["expected a number"]);
  });

  it("narrower bounds stay inside the column's range", () => {
    expect(messages(int32Schema({ min: 1 }).safeParse(0))).toEqual(["must be at least 1"]);
    expect(() => int32Schema({ max: 2 ** 31 })).toThrow(RangeError);
    expect(() => int32Schema({ min: 5, max: 4 })).toThrow(RangeError);
  });

  it("a count is from 0 up to 2^31-1", () => {
    expect(countSchema.safeParse(0).success).toBe(true);
    expect(countSchema.safeParse(INT32_MAX).success).toBe(true);
    expect(messages(countSchema.safeParse(-1))).toEqual(["must not be negative"]);
    expect(messages(countSchema.safeParse(2 ** 31))).toEqual(["must be at most 2147483647"]);
  });

  it("a bigint column read as a number holds the safe integers", () => {
    const schema = safeIntegerSchema({ min: 0 });
    expect(schema.safeParse(2 ** 53 - 1).success).toBe(true);
    expect(schema.safeParse(2 ** 31).success).toBe(true);
    expect(messages(schema.safeParse(2 ** 53))).toEqual(["must be at most 9007199254740991"]);
  });

  it("day offsets stay within the span of the date window", () => {
    const schema = dayCountSchema();
    expect(schema.safeParse(-MAX_DAY_SPAN).success).toBe(true);
    expect(schema.safeParse(MAX_DAY_SPAN).success).toBe(true);
    expect(schema.safeParse(MAX_DAY_SPAN + 1).success).toBe(false);
    expect(schema.safeParse(2 ** 31 - 1).success).toBe(false);
    expect(MAX_DAY_SPAN).toBe(84_370);
  });
});

describe("whole numbers read from a query string or a path", () => {
  const schema = wholeNumberParamSchema({ min: 1 });

  it("reads digits and bounds them like the column", () => {
    expect(schema.parse("2147483647")).toBe(INT32_MAX);
    expect(messages(schema.safeParse("2147483648"))).toEqual(["must be at most 2147483647"]);
    expect(messages(schema.safeParse("9007199254740991"))).toEqual(["must be at most 2147483647"]);
    expect(messages(schema.safeParse("-1"))).toEqual(["must be at least 1"]);
  });

  it("refuses text that is not a number, or too large to be one", () => {
    expect(messages(schema.safeParse("12abc"))).toEqual(["expected a whole number"]);
    expect(messages(schema.safeParse("1e400"))).toEqual(["expected a whole number"]);
    expect(messages(schema.safeParse("1.5"))).toEqual(["expected a whole number"]);
  });

  it("refuses empty text (`?page=`) and blanks instead of reading them as 0", () => {
    for (const text of ["", " ", "\t"]) {
      expect(messages(schema.safeParse(text)), JSON.stringify(text)).toEqual(["expected a whole number"]);
    }
    // Even where 0 is allowed, "" is not a way of writing it.
    expect(messages(wholeNumberParamSchema({ min: 0 }).safeParse(""))).toEqual(["expected a whole number"]);
    expect(wholeNumberParamSchema({ min: 0 }).parse("0")).toBe(0);
  });

  it("reads decimal digits only: no hex, exponents, plus signs or padding", () => {
    for (const text of ["0x10", "1e3", "+5", " 7 ", "7\n", "Infinity", "0b11"]) {
      expect(messages(schema.safeParse(text)), JSON.stringify(text)).toEqual(["expected a whole number"]);
    }
    expect(schema.parse("007")).toBe(7);
  });

  it("ids of bigserial rows take any safe integer", () => {
    const id = wholeNumberParamSchema({ min: 1, column: "bigint" });
    expect(id.parse("9007199254740991")).toBe(2 ** 53 - 1);
    expect(messages(id.safeParse("9007199254740993"))).toEqual(["must be at most 9007199254740991"]);
  });
});

describe("dates in the window 1970-01-01 … 2200-12-31", () => {
  it("accepts the window's first and last days", () => {
    expect(calendarDateSchema.safeParse("1970-01-01").success).toBe(true);
    expect(calendarDateSchema.safeParse("2200-12-31").success).toBe(true);
    expect(calendarDateSchema.safeParse("2028-02-29").success).toBe(true);
  });

  it("refuses year 0000, the day before the window, the day after it, and days that do not exist", () => {
    for (const day of ["0000-01-01", "1969-12-31", "2201-01-01"]) {
      expect(messages(calendarDateSchema.safeParse(day)), day).toEqual([
        "must be between 1970-01-01 and 2200-12-31",
      ]);
    }
    for (const day of ["2026-02-30", "2027-02-29", "2026-13-01", "yesterday", "2026-1-5"]) {
      expect(messages(calendarDateSchema.safeParse(day)), day).toEqual([
        "expected a date YYYY-MM-DD that exists",
      ]);
    }
  });

  it("bounds date-times the same way, offsets included", () => {
    expect(instantSchema.safeParse("1970-01-01T00:00:00Z").success).toBe(true);
    expect(instantSchema.safeParse("2200-12-31T23:59:59Z").success).toBe(true);
    expect(instantSchema.safeParse("2026-10-01T09:30:00+02:00").success).toBe(true);
    // Midnight of the first day in Berlin is still 1969 in UTC.
    expect(messages(instantSchema.safeParse("1970-01-01T00:30:00+01:00"))).toEqual([
      "must be between 1970-01-01 and 2200-12-31",
    ]);
    expect(messages(instantSchema.safeParse("0000-01-01T00:00:00Z"))).toEqual([
      "must be between 1970-01-01 and 2200-12-31",
    ]);
    expect(instantSchema.safeParse("2026-10-01").success).toBe(false);
  });
});
