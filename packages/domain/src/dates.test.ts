import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isoDay } from "./dates.ts";

describe("calendar days (UTC ISO dates)", () => {
  it("adds days across a month end and a leap day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2026-01-05", -30)).toBe("2025-12-06");
  });

  it("reads a timestamp by its date part", () => {
    expect(addDays("2026-11-30T23:59:59.000Z", 1)).toBe("2026-12-01");
  });

  it("counts whole days, negative backwards, through a DST change of any local zone", () => {
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-04-01", "2026-03-01")).toBe(-31);
    expect(daysBetween("2026-10-20", "2026-11-03")).toBe(14);
    expect(daysBetween("2026-11-01", "2027-04-30")).toBe(180);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("gives the UTC date of an instant", () => {
    expect(isoDay(new Date("2026-12-01T00:30:00+02:00"))).toBe("2026-11-30");
  });

  it("adds calendar months, falling back to the month's last day", () => {
    expect(addMonths("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2027-02-28", 12)).toBe("2028-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });
});
