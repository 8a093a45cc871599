import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.ts";

describe("formatMoney", () => {
  it("formats integer cents as whole currency units when there are no cents", () => {
    expect(formatMoney(18_000_000, "USD")).toBe("$180,000");
    expect(formatMoney(0, "USD")).toBe("$0");
  });

  it("shows cents when the amount has some, or when asked", () => {
    expect(formatMoney(9_950, "USD")).toBe("$99.50");
    expect(formatMoney(10_000, "USD", { showCents: true })).toBe("$100.00");
  });

  it("uses the currency's own symbol and minor units", () => {
    expect(formatMoney(4_500_000, "EUR")).toBe("€45,000");
    expect(formatMoney(7_800_050, "GBP")).toBe("£78,000.50");
    // The yen has no minor unit: 1,500 "cents" are ¥1,500.
    expect(formatMoney(1_500, "JPY")).toBe("¥1,500");
  });

  it("abbreviates in compact mode", () => {
    expect(formatMoney(123_456_789, "USD", { compact: true })).toBe("$1.2M");
    expect(formatMoney(950_000, "USD", { compact: true })).toBe("$9.5K");
  });

  it("formats negative amounts (credits) and other locales", () => {
    expect(formatMoney(-2_500, "USD")).toBe("-$25");
    expect(formatMoney(123_456, "EUR", { locale: "de-DE" })).toBe("1.234,56\u00a0€");
  });

  it("shows a dash for a missing amount", () => {
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(undefined, "USD")).toBe("—");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
  });
});
