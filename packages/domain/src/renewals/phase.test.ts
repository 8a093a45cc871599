import { describe, expect, it } from "vitest";
import { type RenewalPhaseInput, renewalPhase, renewalStartDate } from "./phase.ts";
import { renewalPolicy } from "./policy.ts";

const dueDate = "2026-06-30";
const blank: RenewalPhaseInput = {
  dueDate,
  assessment: null,
  hasPlan: false,
  forecastCount: 0,
  processed: false,
};
const approved = (rating: "green" | "yellow" | "red") => ({ rating, tsApproved: true, salesApproved: true });
const phaseOn = (today: string, input: Partial<RenewalPhaseInput> = {}) =>
  renewalPhase({ ...blank, ...input }, today, renewalPolicy);

describe("renewal phase", () => {
  it("R-1: the renewal starts 120 days before the due date, across a leap day", () => {
    expect(renewalStartDate("2026-06-30", renewalPolicy)).toBe("2026-03-02");
    expect(renewalStartDate("2028-06-28", renewalPolicy)).toBe("2028-02-29");
  });

  it("R-1: not started until T-120, then health assessment", () => {
    const early = phaseOn("2026-03-01");
    expect(early).toMatchObject({ phase: "not_started", overdue: false, daysLeft: 121 });
    expect(early.reason).toBe("The health assessment starts on 2026-03-02; the renewal is due in 121 days.");
    expect(phaseOn("2026-03-02")).toMatchObject({ phase: "health_assessment", daysLeft: 120 });
  });

  it("R-1: a health assessment started early puts the renewal in that phase", () => {
    const started = phaseOn("2026-01-01", {
      assessment: { rating: null, tsApproved: false, salesApproved: false },
    });
    expect(started.phase).toBe("health_assessment");
    expect(started.reason).toMatch(/^Health assessment started, not yet rated;/);
  });

  it("R-2: a rating approved by one side only keeps the renewal in health assessment", () => {
    const half = phaseOn("2026-04-01", {
      assessment: { rating: "red", tsApproved: true, salesApproved: false },
    });
    expect(half.phase).toBe("health_assessment");
    expect(half.reason).toBe(
      "Health assessment rated red, waiting for Sales leadership; the renewal is due in 90 days.",
    );
  });

  it("R-1/R-2: an approved rating routes red to Lighthouse, yellow to save plan, green to monitor", () => {
    expect(phaseOn("2026-04-01", { assessment: approved("red") }).phase).toBe("lighthouse");
    expect(phaseOn("2026-04-01", { assessment: approved("yellow") }).phase).toBe("save_plan");
    expect(phaseOn("2026-04-01", { assessment: approved("green") }).phase).toBe("monitor");
  });

  it("R-1: the furthest step done wins: plan, then forecast, then processed", () => {
    expect(phaseOn("2026-05-01", { assessment: approved("red"), hasPlan: true }).phase).toBe("renewal_plan");
    // An AE may forecast before the assessment is approved: the forecast is the furthest step.
    const forecast = phaseOn("2026-05-01", { hasPlan: false, forecastCount: 3 });
    expect(forecast.phase).toBe("renewal_forecast");
    expect(forecast.reason).toBe("3 weekly forecasts entered; the renewal is due in 60 days.");
    expect(phaseOn("2026-05-01", { forecastCount: 3, processed: true }).phase).toBe("processed");
  });

  it("R-1: a renewal past its due date and not processed is overdue, in whatever phase", () => {
    const late = phaseOn("2026-07-03", { forecastCount: 1 });
    expect(late).toMatchObject({ phase: "renewal_forecast", overdue: true, daysLeft: -3 });
    expect(late.reason).toBe("1 weekly forecast entered; the renewal is overdue by 3 days.");
    expect(phaseOn("2026-07-01")).toMatchObject({ phase: "health_assessment", overdue: true });
    expect(phaseOn("2026-06-30")).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(phaseOn("2026-07-03", { processed: true })).toMatchObject({ phase: "processed", overdue: false });
  });

  it("R-1: the start follows the policy", () => {
    const policy = { ...renewalPolicy, assessmentStartDays: 90 };
    expect(renewalPhase({ ...blank }, "2026-03-15", policy).phase).toBe("not_started");
    expect(renewalPhase({ ...blank }, "2026-04-01", policy).phase).toBe("health_assessment");
  });
});
