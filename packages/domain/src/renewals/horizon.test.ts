import { describe, expect, it } from "vitest";
import {
  countByRenewalBand,
  daysToRenewal,
  RENEWAL_HORIZON_DAYS,
  renewalWindowDays,
  renewalWindowFromSlug,
  renewalWindowSlug,
  renewsWithin,
} from "./horizon.ts";

describe("renewal horizon", () => {
  it("R-3: looks 180 days ahead, the review's lead time", () => {
    expect(RENEWAL_HORIZON_DAYS).toBe(180);
    expect(Math.max(...renewalWindowDays)).toBe(RENEWAL_HORIZON_DAYS);
  });

  it("puts each renewal in exactly one band, edges included", () => {
    const days = [0, 30, 31, 90, 91, 180, null];
    expect(countByRenewalBand(days.map((d) => ({ daysToRenewal: d })))).toEqual({
      next30: 2,
      next90: 2,
      next180: 2,
    });
  });

  it("counts days to the renewal date, negative when overdue", () => {
    expect(daysToRenewal("2026-12-31", "2026-12-01")).toBe(30);
    expect(daysToRenewal("2026-11-30", "2026-12-01")).toBe(-1);
    expect(daysToRenewal(null, "2026-12-01")).toBeNull();
  });

  it("names each look-ahead window by a slug and reads it back", () => {
    for (const window of renewalWindowDays) {
      expect(renewalWindowFromSlug(renewalWindowSlug(window))).toBe(window);
    }
    expect(renewalWindowFromSlug("next-45")).toBeNull();
    expect(renewalWindowFromSlug("30")).toBeNull();
    expect(renewalWindowFromSlug(undefined)).toBeNull();
  });

  it("a window holds renewals from today up to its last day, not overdue ones", () => {
    expect(renewsWithin(0, 30)).toBe(true);
    expect(renewsWithin(30, 30)).toBe(true);
    expect(renewsWithin(31, 30)).toBe(false);
    expect(renewsWithin(-1, 30)).toBe(false);
    expect(renewsWithin(null, 30)).toBe(false);
  });
});
