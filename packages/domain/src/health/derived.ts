import { addDays, DAY_MS, dayMs, isoDay } from "../dates.ts";
import type { HealthInputs } from "./engine.ts";
import { parseMajorMinor } from "./ingest.ts";
import type { HealthPolicy, ManualTraitId, Pulse, TraitId } from "./policy.ts";

/** H-2 "4-week average DAU": the 28 days ending on the day scored. */
export const USAGE_WINDOW_DAYS = 28;
/** H-2 "tickets, last 90 days": the 90 days ending on the day scored. */
export const TICKET_WINDOW_DAYS = 90;

/**
 * The date ranges a score on `asOf` reads (H-2, H-6), all inclusive and all at or before `asOf`,
 * so a score "as of" a past day uses only what was known then.
 */
export type HealthWindows = {
  asOf: string;
  /** First day of the 4-week DAU window. */
  usageFrom: string;
  /** H-6: the last complete calendar month before `asOf`, whose month-end values are used. */
  lastMonthStart: string;
  lastMonthEnd: string;
  /** First day of the 90-day ticket window. */
  ticketsFrom: string;
};

export function healthWindows(asOf: string): HealthWindows {
  const [year, month] = asOf.split("-").map(Number) as [number, number];
  const firstOfThisMonth = Date.UTC(year, month - 1, 1);
  return {
    asOf,
    usageFrom: addDays(asOf, -(USAGE_WINDOW_DAYS - 1)),
    lastMonthStart: isoDay(Date.UTC(year, month - 2, 1)),
    lastMonthEnd: isoDay(firstOfThisMonth - DAY_MS),
    ticketsFrom: addDays(asOf, -(TICKET_WINDOW_DAYS - 1)),
  };
}

/** Month ends strictly before `asOf`, oldest first: the points of a monthly trend (H-5). */
export function monthEndsBefore(asOf: string, months: number): string[] {
  const ends: string[] = [];
  let end = healthWindows(asOf).lastMonthEnd;
  for (let i = 0; i < months; i++) {
    ends.unshift(end);
    end = healthWindows(end).lastMonthEnd;
  }
  return ends;
}

/**
 * H-6: a manual trait set more than `manualTraitStaleAfterDays` days before the day scored is
 * stale (still counted). Whole days, by calendar date.
 */
export function isManualTraitStale(
  setAt: Date | string,
  asOf: string,
  policy: Pick<HealthPolicy, "manualTraitStaleAfterDays">,
): boolean {
  const setDay = (typeof setAt === "string" ? new Date(setAt) : setAt).toISOString().slice(0, 10);
  return (dayMs(asOf) - dayMs(setDay)) / DAY_MS > policy.manualTraitStaleAfterDays;
}

/**
 * H-2 "last month versions behind": distinct major.minor releases seen in the usage feed up to the
 * month end that are newer than the instance's own major.minor. Null when the version is unknown.
 */
export function countVersionsBehind(
  instanceVersion: string | null,
  releasesSeen: readonly { major: number; minor: number }[],
): number | null {
  if (!instanceVersion) return null;
  const own = parseMajorMinor(instanceVersion);
  if (!own) return null;
  const newer = new Set<string>();
  for (const release of releasesSeen) {
    if (release.major > own.major || (release.major === own.major && release.minor > own.minor)) {
      newer.add(`${release.major}.${release.minor}`);
    }
  }
  return newer.size;
}

/** A manual trait's current value and when (and by whom) it was last set. */
export type ManualTraitFact<V> = { value: V; setAt: string; setBy: string | null };

/**
 * What the stores know about one account on one day: the raw aggregates the derived traits
 * are made of. The database computes these set-based; the rules that turn them into trait
 * values live here (H-2, H-6).
 */
export type HealthFacts = {
  asOf: string;
  seatsPurchased: number;
  /** The day the account became a customer (its contract start). */
  customerSince: string | null;
  /**
   * Whether the support feed / activity log had reported anything at all (for any account) by
   * `asOf`. Only then does "no tickets" mean 0 tickets and "no activity" mean none since the
   * contract started; before a feed is connected these traits are "no data", not healthy or poor.
   */
  supportFeedLive: boolean;
  activityFeedLive: boolean;
  /** Mean DAU over the reported days of the 28-day window, and how many days reported. */
  avgDau28: number | null;
  usageDays28: number;
  /** H-6: the MAU on the last reported day of last month, and that day. */
  lastMonthMau: number | null;
  lastMonthMauDay: string | null;
  /** H-6: the instance version on its last reported day of last month. */
  lastMonthVersion: string | null;
  /** Releases seen in the usage feed up to last month's end. */
  releasesSeen: readonly { major: number; minor: number }[];
  /** The latest reported precise-intel status within the 28-day window. */
  preciseIntelActive: boolean | null;
  defectTickets90d: number;
  helpTickets90d: number;
  /** Day of the last logged activity at or before `asOf`. */
  lastActivityDay: string | null;
  manual: {
    taPulse: ManualTraitFact<Pulse> | null;
    activeChampion: ManualTraitFact<boolean> | null;
    buyerAccess: ManualTraitFact<boolean> | null;
  };
};

/** Per-trait notes for the breakdown: which data produced the value, and H-6 staleness. */
export type TraitNotes = Partial<
  Record<TraitId, { evidence?: string; stale?: boolean; setAt?: string; setBy?: string | null }>
>;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

const manualIds = ["taPulse", "activeChampion", "buyerAccess"] as const satisfies readonly ManualTraitId[];

/**
 * H-2 / H-6: the trait values of one account from its facts, and the manual traits' staleness.
 * This runs for every account of a sweep, so it builds no text (see `traitEvidence`).
 */
export function deriveHealthInputs(
  facts: HealthFacts,
  policy: Pick<HealthPolicy, "manualTraitStaleAfterDays">,
): { inputs: HealthInputs; notes: TraitNotes } {
  const inputs: HealthInputs = {};
  const notes: TraitNotes = {};

  // H-2 usage score: 4-week average DAU / last month's MAU.
  if (facts.avgDau28 !== null && facts.lastMonthMau !== null && facts.lastMonthMau > 0) {
    inputs.dauOverMau = round4(facts.avgDau28 / facts.lastMonthMau);
  }
  // H-2 / H-6: last month's MAU / seats purchased.
  if (facts.lastMonthMau !== null && facts.seatsPurchased > 0) {
    inputs.mauOverSeats = round4(facts.lastMonthMau / facts.seatsPurchased);
  }
  // H-6: versions behind at last month's end, against the releases the feed has seen by then.
  const behind = countVersionsBehind(facts.lastMonthVersion, facts.releasesSeen);
  if (behind !== null) inputs.versionsBehind = behind;
  if (facts.preciseIntelActive !== null) inputs.preciseIntelActive = facts.preciseIntelActive;
  const customer = facts.customerSince !== null && facts.customerSince <= facts.asOf;
  // With the support feed connected, a customer with no tickets has 0 tickets.
  if (customer && facts.supportFeedLive) {
    inputs.defectTickets90d = facts.defectTickets90d;
    inputs.helpTickets90d = facts.helpTickets90d;
  }
  // M-6: never contacted since the contract started counts from the contract start.
  const lastContact =
    facts.lastActivityDay ?? (customer && facts.activityFeedLive ? facts.customerSince : null);
  if (lastContact !== null) {
    inputs.daysSinceLastActivity = Math.round((dayMs(facts.asOf) - dayMs(lastContact)) / DAY_MS);
  }
  // H-6: manual traits count even when stale; staleness is shown and prompts a refresh (M-7).
  for (const id of manualIds) {
    const fact = facts.manual[id];
    if (!fact) continue;
    (inputs as Record<ManualTraitId, unknown>)[id] = fact.value;
    notes[id] = {
      stale: isManualTraitStale(fact.setAt, facts.asOf, policy),
      setAt: fact.setAt,
      setBy: fact.setBy,
    };
  }
  return { inputs, notes };
}

/** The facts as stored with a score: flat (cheap to store for a whole book), releases counted. */
export type StoredHealthFacts = Omit<HealthFacts, "manual" | "releasesSeen"> & {
  releasesSeen: number;
  taPulseSetAt: string | null;
  taPulseSetBy: string | null;
  activeChampionSetAt: string | null;
  activeChampionSetBy: string | null;
  buyerAccessSetAt: string | null;
  buyerAccessSetBy: string | null;
};

/** What is stored with each score: the day, the trait values and the facts behind them. */
export type StoredHealthInputs = { asOf: string; values: HealthInputs; facts: StoredHealthFacts };

export function storedFacts(facts: HealthFacts): StoredHealthFacts {
  const { manual, releasesSeen, ...rest } = facts;
  return {
    ...rest,
    releasesSeen: releasesSeen.length,
    taPulseSetAt: manual.taPulse?.setAt ?? null,
    taPulseSetBy: manual.taPulse?.setBy ?? null,
    activeChampionSetAt: manual.activeChampion?.setAt ?? null,
    activeChampionSetBy: manual.activeChampion?.setBy ?? null,
    buyerAccessSetAt: manual.buyerAccess?.setAt ?? null,
    buyerAccessSetBy: manual.buyerAccess?.setBy ?? null,
  };
}

/** for each trait with a value, which data produced it, in words (built when shown). */
export function traitEvidence(facts: StoredHealthFacts, inputs: HealthInputs): TraitNotes {
  const notes: TraitNotes = {};
  const windows = healthWindows(facts.asOf);
  const lastMonth = windows.lastMonthStart.slice(0, 7);
  if (inputs.dauOverMau != null && facts.avgDau28 !== null) {
    notes.dauOverMau = {
      evidence: `avg DAU ${round1(facts.avgDau28)} over ${facts.usageDays28} reported days (${windows.usageFrom} to ${facts.asOf}) / ${lastMonth} MAU ${facts.lastMonthMau}`,
    };
  }
  if (inputs.mauOverSeats != null) {
    notes.mauOverSeats = {
      evidence: `${lastMonth} MAU ${facts.lastMonthMau} (reported ${facts.lastMonthMauDay}) / ${facts.seatsPurchased} seats purchased`,
    };
  }
  if (inputs.versionsBehind != null) {
    const n = inputs.versionsBehind;
    notes.versionsBehind = {
      evidence: `on ${facts.lastMonthVersion} at ${windows.lastMonthEnd}; ${n} newer release${n === 1 ? "" : "s"} seen by then`,
    };
  }
  if (inputs.preciseIntelActive != null) {
    notes.preciseIntelActive = { evidence: "latest usage report of the last 4 weeks" };
  }
  const window = `opened ${windows.ticketsFrom} to ${facts.asOf}`;
  if (inputs.defectTickets90d != null)
    notes.defectTickets90d = { evidence: `${inputs.defectTickets90d} defect tickets ${window}` };
  if (inputs.helpTickets90d != null)
    notes.helpTickets90d = { evidence: `${inputs.helpTickets90d} help tickets ${window}` };
  if (inputs.daysSinceLastActivity != null) {
    notes.daysSinceLastActivity = {
      evidence: facts.lastActivityDay
        ? `last activity on ${facts.lastActivityDay}`
        : `no activity logged since the contract start on ${facts.customerSince}`,
    };
  }
  for (const id of manualIds) {
    const setAt = facts[`${id}SetAt`];
    if (inputs[id] == null || !setAt) continue;
    notes[id] = { evidence: `set on ${setAt.slice(0, 10)}`, setAt, setBy: facts[`${id}SetBy`] };
  }
  return notes;
}
