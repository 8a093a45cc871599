import { describe, expect, it } from "vitest";
import { formatDate, toDateTimeAttribute } from "./date.ts";

describe("formatDate", () => {
  it("prints a calendar date as that same day, whatever the local time zone", () => {
    // 2025-01-01 parsed naively is UTC midnight, i.e. Dec 31 in the Americas.
    expect(formatDate("2025-01-01")).toBe("Jan 1, 2025");
    expect(formatDate("2026-03-31", { style: "short" })).toBe("3/31/26");
    expect(formatDate("2026-03-31", { style: "long" })).toBe("March 31, 2026");
  });

  it("prints timestamps in the requested time zone", () => {
    expect(formatDate("2025-07-14T23:30:00Z", { timeZone: "UTC" })).toBe("Jul 14, 2025");
    expect(formatDate("2025-07-14T23:30:00Z", { timeZone: "Asia/Tokyo" })).toBe("Jul 15, 2025");
    expect(formatDate(Date.UTC(2025, 6, 14, 12), { timeZone: "UTC" })).toBe("Jul 14, 2025");
    expect(formatDate(new Date(Date.UTC(2025, 6, 14, 12)), { timeZone: "UTC" })).toBe("Jul 14, 2025");
  });

  it("shows a dash for a missing or unparseable date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("")).toBe("—");
    expect(formatDate("not a date")).toBe("—");
    expect(formatDate("2025-02-30")).toBe("—");
  });

  it("gives <time> a machine-readable value", () => {
    expect(toDateTimeAttribute("2025-01-01")).toBe("2025-01-01");
    expect(toDateTimeAttribute(Date.UTC(2025, 0, 1, 9))).toBe("2025-01-01T09:00:00.000Z");
  });
});
