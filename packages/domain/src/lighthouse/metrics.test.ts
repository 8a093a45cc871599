import { describe, expect, it } from "vitest";
import { renewalPolicy } from "../renewals/policy.ts";
import { lighthouseMetrics, type MetricsEnrolment } from "./metrics.ts";

const enrolment = (over: Partial<MetricsEnrolment>): MetricsEnrolment => ({
  enteredOn: "2026-06-01",
  exit: null,
  arrCents: 10_000_000,
  renewal: null,
  ...over,
});

describe("program metrics", () => {
  it("LH-5: accounts in, entered this quarter, save rate, median days, ARR in, saved and lost", () => {
    const metrics = lighthouseMetrics(
      [
        enrolment({ enteredOn: "2026-10-15", arrCents: 20_000_000 }),
        enrolment({ enteredOn: "2026-11-20", arrCents: 5_000_000 }),
        enrolment({
          enteredOn: "2026-05-01",
          exit: { outcome: "saved", on: "2026-06-30" },
          renewal: { arrBeforeCents: 10_000_000, arrAfterCents: 12_000_000 },
        }),
        enrolment({
          enteredOn: "2026-03-01",
          exit: { outcome: "churned", on: "2026-05-10" },
          renewal: { arrBeforeCents: 30_000_000, arrAfterCents: 0 },
        }),
        enrolment({
          enteredOn: "2026-07-01",
          exit: { outcome: "saved", on: "2026-10-09" },
          renewal: { arrBeforeCents: 8_000_000, arrAfterCents: 6_000_000 },
        }),
        enrolment({ enteredOn: "2026-08-01", exit: { outcome: "withdrawn", on: "2026-08-11" } }),
        // Entered after today: not counted yet.
        enrolment({ enteredOn: "2026-12-20" }),
      ],
      "2026-12-01",
      renewalPolicy,
    );
    expect(metrics).toEqual({
      inProgram: 2,
      enteredThisQuarter: 2,
      saveRate: 2 / 3,
      // 60, 70, 100 and 10 days: the median of four is the mean of the middle two.
      medianDaysInProgram: 65,
      arrInProgramCents: 25_000_000,
      // Saved: 10M kept (the expansion is not "saved") + 6M; lost: 30M + 2M.
      arrSavedCents: 16_000_000,
      arrLostCents: 32_000_000,
      exits: { saved: 2, churned: 1, withdrawn: 1 },
    });
  });

  it("LH-5: before any exit there is no save rate and no median stay", () => {
    const metrics = lighthouseMetrics([enrolment({})], "2026-12-01", renewalPolicy);
    expect(metrics).toMatchObject({
      inProgram: 1,
      saveRate: null,
      medianDaysInProgram: null,
      enteredThisQuarter: 0,
    });
  });
});
