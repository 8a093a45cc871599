import { describe, expect, it } from "vitest";
import { renewalPolicy } from "./policy.ts";
import { type ReviewListCandidate, reviewListEntry } from "./review-list.ts";

const yellow: ReviewListCandidate = {
  dueDate: "2026-12-31",
  processed: false,
  category: "yellow",
  categorySince: "2026-01-15",
};
const entryOn = (today: string, changes: Partial<ReviewListCandidate> = {}) =>
  reviewListEntry({ ...yellow, ...changes }, today, renewalPolicy);

describe("Yellow/Red Renewals review list", () => {
  it("R-3: a yellow account joins 180 days before renewal, not a day earlier", () => {
    // 2026-12-31 − 180 days = 2026-07-04.
    expect(entryOn("2026-07-03")).toBeNull();
    expect(entryOn("2026-07-04")).toEqual({
      enteredOn: "2026-07-04",
      reason: "Yellow health 180 days before renewal",
    });
    expect(entryOn("2026-08-01")).toEqual({
      enteredOn: "2026-07-04",
      reason: "Yellow health 152 days before renewal",
    });
  });

  it("R-3: an account turning red inside the horizon joins on that day", () => {
    expect(entryOn("2026-10-20", { category: "red", categorySince: "2026-10-01T08:00:00Z" })).toEqual({
      enteredOn: "2026-10-01",
      reason: "Red health 72 days before renewal",
    });
  });

  it("R-3: green, unknown and processed renewals are not on the list", () => {
    expect(entryOn("2026-10-01", { category: "green", categorySince: null })).toBeNull();
    expect(entryOn("2026-10-01", { category: "unknown", categorySince: null })).toBeNull();
    expect(entryOn("2026-10-01", { processed: true })).toBeNull();
  });

  it("R-3: without the day it turned yellow, the account counts from T-180", () => {
    expect(entryOn("2026-10-01", { categorySince: null })?.enteredOn).toBe("2026-07-04");
  });

  it("R-3: an overdue renewal not processed stays on the list", () => {
    expect(entryOn("2026-12-31")?.reason).toBe("Yellow health on the renewal date");
    expect(entryOn("2027-01-02", { category: "red" })).toEqual({
      enteredOn: "2026-07-04",
      reason: "Red health 2 days after the renewal date, not processed",
    });
    expect(entryOn("2027-01-02", { processed: true })).toBeNull();
  });

  it("R-3: the horizon follows the policy, across a leap day", () => {
    const policy = { ...renewalPolicy, reviewHorizonDays: 90 };
    // 2028-05-29 − 90 days = 2028-02-29.
    const candidate = { ...yellow, dueDate: "2028-05-29", categorySince: null };
    expect(reviewListEntry(candidate, "2028-02-28", policy)).toBeNull();
    expect(reviewListEntry(candidate, "2028-02-29", policy)?.enteredOn).toBe("2028-02-29");
  });
});
