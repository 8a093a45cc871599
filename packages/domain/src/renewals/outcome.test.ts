import { describe, expect, it } from "vitest";
import {
  checkOutcome,
  churnRetroRequired,
  nextRenewalDate,
  outcomeOfNumbers,
  type ProcessedRenewalNumbers,
} from "./outcome.ts";
import { renewalPolicy } from "./policy.ts";

const numbers = (changes: Partial<ProcessedRenewalNumbers>): ProcessedRenewalNumbers => ({
  outcome: "flat",
  arrBeforeCents: 50_000_000,
  arrAfterCents: 50_000_000,
  seatsBefore: 500,
  seatsAfter: 500,
  ...changes,
});

describe("processing a renewal", () => {
  it("R-6: suggests the outcome the ARR before and after make", () => {
    expect(outcomeOfNumbers(10_000_000, 0)).toBe("full_churn");
    expect(outcomeOfNumbers(10_000_000, 1)).toBe("partial_churn");
    expect(outcomeOfNumbers(10_000_000, 9_999_999)).toBe("partial_churn");
    expect(outcomeOfNumbers(10_000_000, 10_000_000)).toBe("flat");
    expect(outcomeOfNumbers(10_000_000, 10_000_001)).toBe("incremental");
    expect(outcomeOfNumbers(0, 0)).toBe("flat");
    expect(outcomeOfNumbers(0, 500)).toBe("incremental");
  });

  it("R-6: numbers that agree with their outcome have no issue", () => {
    expect(checkOutcome(numbers({ outcome: "flat" }))).toEqual([]);
    expect(checkOutcome(numbers({ outcome: "full_churn", arrAfterCents: 0, seatsAfter: 0 }))).toEqual([]);
    expect(checkOutcome(numbers({ outcome: "partial_churn", arrAfterCents: 1 }))).toEqual([]);
    expect(
      checkOutcome(numbers({ outcome: "incremental", arrAfterCents: 50_000_001, seatsAfter: 600 })),
    ).toEqual([]);
  });

  it("R-6: a flat renewal whose ARR fell is an issue on the outcome naming the numbers", () => {
    expect(checkOutcome(numbers({ outcome: "flat", arrAfterCents: 45_000_000 }))).toEqual([
      {
        path: "outcome",
        message:
          "Flat renewal needs ARR after equal to ARR before, but ARR goes from $500,000.00 to $450,000.00: that is a partial churn.",
      },
    ]);
  });

  it("R-6: each outcome refuses the numbers of another", () => {
    const pathsOf = (changes: Partial<ProcessedRenewalNumbers>) =>
      checkOutcome(numbers(changes)).map((i) => i.path);
    expect(pathsOf({ outcome: "full_churn", arrAfterCents: 100, seatsAfter: 0 })).toEqual(["outcome"]);
    expect(pathsOf({ outcome: "partial_churn", arrAfterCents: 0 })).toEqual(["outcome"]);
    expect(pathsOf({ outcome: "partial_churn", arrAfterCents: 50_000_000 })).toEqual(["outcome"]);
    expect(pathsOf({ outcome: "incremental", arrAfterCents: 50_000_000 })).toEqual(["outcome"]);
    expect(pathsOf({ outcome: "flat", arrAfterCents: 50_000_001 })).toEqual(["outcome"]);
    expect(checkOutcome(numbers({ outcome: "partial_churn", arrAfterCents: 0 }))[0]?.message).toMatch(
      /that is a full churn\.$/,
    );
  });

  it("R-6: a full churn keeps no seats", () => {
    expect(checkOutcome(numbers({ outcome: "full_churn", arrAfterCents: 0, seatsAfter: 40 }))).toEqual([
      { path: "seatsAfter", message: "A full churn keeps no seats, but 40 remain." },
    ]);
  });

  it("R-6: seats and ARR are never negative", () => {
    expect(
      checkOutcome(numbers({ seatsBefore: -1, seatsAfter: -2, arrAfterCents: -5 })).map((i) => i.path),
    ).toEqual(["arrAfterCents", "seatsBefore", "seatsAfter"]);
  });

  it("R-6: the next renewal is 12 months on, clamped to the month's end", () => {
    expect(nextRenewalDate("2026-06-30", renewalPolicy)).toBe("2027-06-30");
    expect(nextRenewalDate("2028-02-29", renewalPolicy)).toBe("2029-02-28");
    expect(nextRenewalDate("2026-01-31", { ...renewalPolicy, termMonths: 1 })).toBe("2026-02-28");
    expect(nextRenewalDate("2026-08-31", { ...renewalPolicy, termMonths: 18 })).toBe("2028-02-29");
  });
});

describe("churn retro", () => {
  const churn = (
    lostCents: number,
    seatsAfter: number,
    outcome: ProcessedRenewalNumbers["outcome"] = "partial_churn",
  ) =>
    churnRetroRequired(
      numbers({ outcome, arrBeforeCents: 50_000_000, arrAfterCents: 50_000_000 - lostCents, seatsAfter }),
      renewalPolicy,
    );

  it("R-7: exactly $150,000 lost is not more than the threshold: no retro", () => {
    expect(churn(15_000_000, 400)).toEqual({
      required: false,
      reason: "$150,000.00 ARR lost, not more than $150,000.00: no retro.",
    });
  });

  it("R-7: $150,000.01 lost with fewer seats needs a retro", () => {
    expect(churn(15_000_001, 400)).toEqual({
      required: true,
      reason:
        "$150,000.01 ARR lost, more than $150,000.00, and seats purchased decreased (seats 500 → 400): a churn retro is required.",
    });
  });

  it("R-7: more ARR lost but the same seats: no retro", () => {
    const sameSeats = churn(30_000_000, 500);
    expect(sameSeats.required).toBe(false);
    expect(sameSeats.reason).toBe(
      "$300,000.00 ARR lost, but seats purchased did not decrease (seats 500 → 500): no retro.",
    );
    expect(churn(30_000_000, 501).required).toBe(false);
  });

  it("R-7: a full churn of more than $150,000 needs a retro", () => {
    expect(churn(50_000_000, 0, "full_churn").required).toBe(true);
  });

  it("R-7: only a churn outcome needs a retro, whatever the numbers", () => {
    expect(churn(30_000_000, 100, "flat")).toEqual({
      required: false,
      reason: "Flat renewal: not a churn, no retro.",
    });
  });

  it("R-7: the threshold follows the policy", () => {
    const policy = { ...renewalPolicy, retroChurnThresholdCents: 5_000_000 };
    const lost = numbers({ outcome: "partial_churn", arrAfterCents: 44_000_000, seatsAfter: 450 });
    expect(churnRetroRequired(lost, policy).required).toBe(true);
    expect(churnRetroRequired(lost, renewalPolicy).required).toBe(false);
  });
});
