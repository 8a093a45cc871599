import { describe, expect, it } from "vitest";
import { countByWindow, daysLeftLabel } from "./renewal-windows.ts";

describe("renewal windows", () => {
  it("puts each renewal in exactly one window, edges included", () => {
    const days = [0, 30, 31, 90, 91, 180, null];
    expect(countByWindow(days.map((daysToRenewal) => ({ daysToRenewal })))).toEqual({
      next30: 2,
      next90: 2,
      next180: 2,
    });
  });

  it("says how long is left in words", () => {
    expect(daysLeftLabel(0)).toBe("Today");
    expect(daysLeftLabel(1)).toBe("1 day");
    expect(daysLeftLabel(45)).toBe("45 days");
    expect(daysLeftLabel(null)).toBe("—");
  });
});
