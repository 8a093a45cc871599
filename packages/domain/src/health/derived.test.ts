import { describe, expect, it } from "vitest";
import {
  countVersionsBehind,
  deriveHealthInputs,
  type HealthFacts,
  healthWindows,
  isManualTraitStale,
  monthEndsBefore,
  storedFacts,
  traitEvidence,
} from "./derived.ts";
import { defaultHealthPolicy } from "./policy.ts";

const facts = (overrides: Partial<HealthFacts> = {}): HealthFacts => ({
  asOf: "2026-11-01",
  seatsPurchased: 200,
  customerSince: "2025-01-15",
  supportFeedLive: true,
  activityFeedLive: true,
  avgDau28: 45,
  usageDays28: 28,
  lastMonthMau: 150,
  lastMonthMauDay: "2026-10-31",
  lastMonthVersion: "6.9.2",
  releasesSeen: [
    { major: 6, minor: 9 },
    { major: 6, minor: 10 },
    { major: 6, minor: 11 },
  ],
  preciseIntelActive: true,
  defectTickets90d: 1,
  helpTickets90d: 4,
  lastActivityDay: "2026-10-20",
  manual: { taPulse: null, activeChampion: null, buyerAccess: null },
  ...overrides,
});

describe("H-6 windows: what a score on a day reads", () => {
  it("H-2: the 4-week DAU window is the 28 days ending on the day", () => {
    expect(healthWindows("2026-11-01").usageFrom).toBe("2026-10-05");
  });

  it("H-6: month-end traits use the last complete calendar month", () => {
    expect(healthWindows("2026-11-01")).toMatchObject({
      lastMonthStart: "2026-10-01",
      lastMonthEnd: "2026-10-31",
    });
    expect(healthWindows("2026-11-30")).toMatchObject({
      lastMonthStart: "2026-10-01",
      lastMonthEnd: "2026-10-31",
    });
    expect(healthWindows("2026-03-10")).toMatchObject({
      lastMonthStart: "2026-02-01",
      lastMonthEnd: "2026-02-28",
    });
    expect(healthWindows("2026-01-05")).toMatchObject({
      lastMonthStart: "2025-12-01",
      lastMonthEnd: "2025-12-31",
    });
  });

  it("H-2: the ticket window is the 90 days ending on the day", () => {
    expect(healthWindows("2026-11-01").ticketsFrom).toBe("2026-08-04");
  });

  it("H-5: month ends before a day, oldest first (trend backfill)", () => {
    expect(monthEndsBefore("2026-11-01", 3)).toEqual(["2026-08-31", "2026-09-30", "2026-10-31"]);
    expect(monthEndsBefore("2026-03-15", 2)).toEqual(["2026-01-31", "2026-02-28"]);
  });
});

describe("H-2 derived traits", () => {
  it("H-2 usage score: 4-week average DAU / last month's MAU", () => {
    const { inputs } = deriveHealthInputs(facts(), defaultHealthPolicy);
    expect(inputs.dauOverMau).toBe(0.3);
    // which data produced it, in words.
    expect(traitEvidence(storedFacts(facts()), inputs).dauOverMau?.evidence).toBe(
      "avg DAU 45 over 28 reported days (2026-10-05 to 2026-11-01) / 2026-10 MAU 150",
    );
  });

  it("H-2/H-6: last month's MAU / seats purchased", () => {
    expect(deriveHealthInputs(facts(), defaultHealthPolicy).inputs.mauOverSeats).toBe(0.75);
  });

  it("H-2: usage ratios are missing without usage, without last month's MAU, or with no seats — never 0", () => {
    expect(
      deriveHealthInputs(facts({ avgDau28: null }), defaultHealthPolicy).inputs.dauOverMau,
    ).toBeUndefined();
    const noMau = deriveHealthInputs(facts({ lastMonthMau: null }), defaultHealthPolicy).inputs;
    expect(noMau.dauOverMau).toBeUndefined();
    expect(noMau.mauOverSeats).toBeUndefined();
    expect(
      deriveHealthInputs(facts({ seatsPurchased: 0 }), defaultHealthPolicy).inputs.mauOverSeats,
    ).toBeUndefined();
  });

  it("H-2/H-6: versions behind = newer major.minor releases seen by the month end", () => {
    expect(deriveHealthInputs(facts(), defaultHealthPolicy).inputs.versionsBehind).toBe(2);
    expect(countVersionsBehind("6.11.0", facts().releasesSeen)).toBe(0);
    expect(
      countVersionsBehind("5.12", [
        { major: 6, minor: 0 },
        { major: 5, minor: 12 },
      ]),
    ).toBe(1);
    // The same release reported twice counts once.
    expect(
      countVersionsBehind("6.0", [
        { major: 6, minor: 1 },
        { major: 6, minor: 1 },
      ]),
    ).toBe(1);
    expect(countVersionsBehind(null, facts().releasesSeen)).toBeNull();
    expect(countVersionsBehind("latest", facts().releasesSeen)).toBeNull();
  });

  it("H-2: tickets in 90 days: 0 is data for a customer once the support feed is connected", () => {
    const customer = deriveHealthInputs(
      facts({ defectTickets90d: 0, helpTickets90d: 0 }),
      defaultHealthPolicy,
    );
    expect(customer.inputs.defectTickets90d).toBe(0);
    expect(customer.inputs.helpTickets90d).toBe(0);
    const prospect = deriveHealthInputs(facts({ customerSince: null }), defaultHealthPolicy).inputs;
    expect(prospect.defectTickets90d).toBeUndefined();
    expect(
      deriveHealthInputs(facts({ customerSince: "2026-12-01" }), defaultHealthPolicy).inputs.helpTickets90d,
    ).toBeUndefined();
    // No support feed connected yet: "no tickets" is no data, not healthy.
    const noFeed = deriveHealthInputs(
      facts({ supportFeedLive: false, defectTickets90d: 0 }),
      defaultHealthPolicy,
    );
    expect(noFeed.inputs.defectTickets90d).toBeUndefined();
  });

  it("H-2: days since last activity counts whole days to the day scored", () => {
    expect(deriveHealthInputs(facts(), defaultHealthPolicy).inputs.daysSinceLastActivity).toBe(12);
    // M-6: never contacted counts from the contract start; without an activity log, no data.
    const never = deriveHealthInputs(facts({ lastActivityDay: null }), defaultHealthPolicy).inputs;
    expect(never.daysSinceLastActivity).toBe(655);
    const noLog = deriveHealthInputs(
      facts({ lastActivityDay: null, activityFeedLive: false }),
      defaultHealthPolicy,
    );
    expect(noLog.inputs.daysSinceLastActivity).toBeUndefined();
  });

  it("H-6: a manual trait not refreshed for 60 days is stale but still counted", () => {
    const derived = deriveHealthInputs(
      facts({
        manual: {
          taPulse: { value: "concerning", setAt: "2026-09-02T10:00:00.000Z", setBy: "usr_ta" },
          activeChampion: { value: true, setAt: "2026-09-01T10:00:00.000Z", setBy: "usr_ta" },
          buyerAccess: { value: false, setAt: "2026-10-30T10:00:00.000Z", setBy: null },
        },
      }),
      defaultHealthPolicy,
    );
    expect(derived.inputs).toMatchObject({ taPulse: "concerning", activeChampion: true, buyerAccess: false });
    expect(derived.notes.taPulse?.stale).toBe(false); // 60 days is the limit: 2026-09-02 → 2026-11-01 is 60
    expect(derived.notes.activeChampion?.stale).toBe(true); // 61 days
    expect(derived.notes.buyerAccess?.stale).toBe(false);
  });

  it("H-6: staleness follows the policy's number of days", () => {
    expect(isManualTraitStale("2026-10-01T00:00:00Z", "2026-11-01", { manualTraitStaleAfterDays: 30 })).toBe(
      true,
    );
    expect(isManualTraitStale("2026-10-02T23:00:00Z", "2026-11-01", { manualTraitStaleAfterDays: 30 })).toBe(
      false,
    );
  });
});
