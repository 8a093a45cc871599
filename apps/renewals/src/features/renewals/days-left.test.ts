import { describe, expect, it } from "vitest";
import { daysLeftLabel } from "./days-left.ts";

describe("days left", () => {
  it("says how long is left in words", () => {
    expect(daysLeftLabel(0)).toBe("Today");
    expect(daysLeftLabel(1)).toBe("1 day");
    expect(daysLeftLabel(45)).toBe("45 days");
    expect(daysLeftLabel(null)).toBe("—");
  });
});
