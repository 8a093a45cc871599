import { z } from "zod";
import { addDays, DAY_MS, dayMs, isoDay } from "../dates.ts";
import type { RenewalPolicy } from "./policy.ts";
import { type RenewalOutcome, renewalOutcomes } from "./renewal.ts";

/**
 * the ISO-8601 week of a day ("2026-W48"): weeks start on Monday and belong to the year
 * of their Thursday, so 2027-01-01 (a Friday) is in 2026-W53. The forecast is weekly, and a
 * week named this way is the same for everyone whatever their locale.
 */
export function isoWeekOf(day: string): string {
  const ms = dayMs(day);
  const mondayBased = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = ms + (3 - mondayBased) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday an ISO week starts on. Throws on text that is not a week that exists. */
export function mondayOfIsoWeek(week: string): string {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  // 4 January is always in week 1.
  const january4 = Date.UTC(year, 0, 4);
  const weekOneMonday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = isoDay(weekOneMonday + (Number(match[2]) - 1) * 7 * DAY_MS);
  if (isoWeekOf(monday) !== week) throw new RangeError(`not an ISO week: ${week}`);
  return monday;
}

/** An ISO week as a person or a feed sends it ("2026-W53" only in years that have one). */
export const isoWeekSchema = z.string().refine(
  (week) => {
    try {
      mondayOfIsoWeek(week);
      return true;
    } catch {
      return false;
    }
  },
  { message: "expected an ISO week that exists, like 2026-W48" },
);

/** One weekly forecast as entered. Entries are append-only; a week may have several. */
export type WeeklyForecastEntry = {
  week: string;
  /** When it was entered, an ISO date or date-time; the latest of a week is that week's forecast. */
  enteredAt: string;
  outcome: RenewalOutcome;
  expectedArrCents: number;
  expectedSeats: number;
};

export type WeeklyForecastRow = {
  week: string;
  /** The week's forecast, or the last earlier one carried forward; null before the first. */
  forecast: WeeklyForecastEntry | null;
  /** No forecast was entered this week: the row shows the last earlier one. */
  carried: boolean;
  /** Expected ARR against the week before; null while either week has no forecast. */
  arrChangeCents: number | null;
};

function isLater(entry: WeeklyForecastEntry, than: WeeklyForecastEntry): boolean {
  // Same instant: the one appended later wins, hence ">=" as entries are read in order.
  return Date.parse(entry.enteredAt) >= Date.parse(than.enteredAt);
}

/**
 * a renewal's forecast week by week from `fromWeek` to `toWeek`. A week without a
 * new forecast keeps the last one (the AE saw no reason to change it), marked as carried, so
 * the series has no holes and a change shows in the week it was made.
 */
export function weeklyForecastSeries(
  entries: readonly WeeklyForecastEntry[],
  fromWeek: string,
  toWeek: string,
): WeeklyForecastRow[] {
  const firstMonday = mondayOfIsoWeek(fromWeek);
  const lastMonday = mondayOfIsoWeek(toWeek);
  const latestOfWeek = new Map<string, WeeklyForecastEntry>();
  for (const entry of entries) {
    const current = latestOfWeek.get(entry.week);
    if (current === undefined || isLater(entry, current)) latestOfWeek.set(entry.week, entry);
  }
  // The forecast standing when the range opens: the latest week before it.
  const earlierWeek = [...latestOfWeek.keys()]
    .filter((week) => week < fromWeek)
    .sort()
    .at(-1);
  let standing = earlierWeek === undefined ? null : (latestOfWeek.get(earlierWeek) ?? null);

  const rows: WeeklyForecastRow[] = [];
  for (let monday = firstMonday; monday <= lastMonday; monday = addDays(monday, 7)) {
    const week = isoWeekOf(monday);
    const own = latestOfWeek.get(week) ?? null;
    const forecast = own ?? standing;
    rows.push({
      week,
      forecast,
      carried: own === null && forecast !== null,
      arrChangeCents:
        forecast !== null && standing !== null ? forecast.expectedArrCents - standing.expectedArrCents : null,
    });
    standing = forecast;
  }
  return rows;
}

/**
 * the fiscal quarter of a day ("2027-Q1"). With a fiscal year starting in a month other
 * than January, the year is named by the calendar year it ends in (a year starting February
 * 2026 is fiscal 2027), the usual convention.
 */
export function quarterOf(day: string, policy: RenewalPolicy): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const start = policy.fiscalYearStartMonth;
  const monthOfFiscalYear = (month - start + 12) % 12;
  const fiscalYear = start !== 1 && month >= start ? year + 1 : year;
  return `${fiscalYear}-Q${Math.floor(monthOfFiscalYear / 3) + 1}`;
}

/** One renewal as the quarterly forecast reads it. */
export type ForecastRollUpRenewal = {
  dueDate: string;
  /** The ARR up for renewal (the account's ARR before). */
  arrAtStakeCents: number;
  latest: { outcome: RenewalOutcome; expectedArrCents: number } | null;
  processed: { outcome: RenewalOutcome; arrAfterCents: number } | null;
};

/** A forecast outcome, or "unforecast" for renewals nobody has forecast yet. */
export const forecastBuckets = [...renewalOutcomes, "unforecast"] as const;
export type ForecastBucket = (typeof forecastBuckets)[number];

export type ForecastCell = { count: number; arrAtStakeCents: number; expectedArrCents: number };

export type QuarterForecast = {
  quarter: string;
  byOutcome: Record<ForecastBucket, ForecastCell>;
  total: ForecastCell;
  /** How many of the quarter's renewals are processed (their actual counts). */
  processedCount: number;
  /** Forecast gross and net revenue retention; null with no ARR at stake. */
  grr: number | null;
  nrr: number | null;
};

const emptyCell = (): ForecastCell => ({ count: 0, arrAtStakeCents: 0, expectedArrCents: 0 });

/**
 * The renewals of one quarter in one forecast bucket, summed: ARR at stake, expected ARR and the
 * expected ARR kept (each renewal's expected capped at its ARR at stake, for GRR).
 */
export type ForecastRollUpCell = {
  quarter: string;
  bucket: ForecastBucket;
  count: number;
  processedCount: number;
  arrAtStakeCents: number;
  expectedArrCents: number;
  keptArrCents: number;
};

/**
 * where a renewal goes in the quarterly forecast and what it is expected to bring. A
 * processed renewal counts as what happened, not what was forecast; one with no forecast yet is
 * assumed to renew flat at its ARR at stake, in its own "unforecast" bucket so nobody mistakes
 * the assumption for an AE's word.
 */
export function forecastBucketOf(renewal: ForecastRollUpRenewal): [ForecastBucket, number] {
  if (renewal.processed) return [renewal.processed.outcome, renewal.processed.arrAfterCents];
  if (renewal.latest) return [renewal.latest.outcome, renewal.latest.expectedArrCents];
  return ["unforecast", renewal.arrAtStakeCents];
}

/** the quarterly forecast, the sum of expected ARR by quarter and outcome (`forecastBucketOf`). */
export function rollUpForecast(
  renewals: readonly ForecastRollUpRenewal[],
  policy: RenewalPolicy,
): QuarterForecast[] {
  const cells = new Map<string, ForecastRollUpCell>();
  for (const renewal of renewals) {
    const quarter = quarterOf(renewal.dueDate, policy);
    const [bucket, expectedArrCents] = forecastBucketOf(renewal);
    const key = `${quarter}|${bucket}`;
    const cell = cells.get(key) ?? {
      quarter,
      bucket,
      count: 0,
      processedCount: 0,
      arrAtStakeCents: 0,
      expectedArrCents: 0,
      keptArrCents: 0,
    };
    cell.count += 1;
    if (renewal.processed) cell.processedCount += 1;
    cell.arrAtStakeCents += renewal.arrAtStakeCents;
    cell.expectedArrCents += expectedArrCents;
    cell.keptArrCents += Math.min(expectedArrCents, renewal.arrAtStakeCents);
    cells.set(key, cell);
  }
  return rollUpForecastCells([...cells.values()]);
}

/** the quarterly forecast from cells already summed (the database sums them at scale). Quarters in order. */
export function rollUpForecastCells(cells: readonly ForecastRollUpCell[]): QuarterForecast[] {
  const quarters = new Map<string, { forecast: QuarterForecast; kept: number }>();
  for (const cell of cells) {
    let entry = quarters.get(cell.quarter);
    if (entry === undefined) {
      const byOutcome = Object.fromEntries(forecastBuckets.map((bucket) => [bucket, emptyCell()])) as Record<
        ForecastBucket,
        ForecastCell
      >;
      entry = {
        forecast: {
          quarter: cell.quarter,
          byOutcome,
          total: emptyCell(),
          processedCount: 0,
          grr: null,
          nrr: null,
        },
        kept: 0,
      };
      quarters.set(cell.quarter, entry);
    }
    for (const target of [entry.forecast.byOutcome[cell.bucket], entry.forecast.total]) {
      target.count += cell.count;
      target.arrAtStakeCents += cell.arrAtStakeCents;
      target.expectedArrCents += cell.expectedArrCents;
    }
    entry.forecast.processedCount += cell.processedCount;
    entry.kept += cell.keptArrCents;
  }
  return [...quarters.values()]
    .sort((a, b) => (a.forecast.quarter < b.forecast.quarter ? -1 : 1))
    .map(({ forecast, kept }) => {
      // As `retention`: GRR caps each renewal at its ARR before; none at stake, no rates.
      const before = forecast.total.arrAtStakeCents;
      return {
        ...forecast,
        grr: before === 0 ? null : kept / before,
        nrr: before === 0 ? null : forecast.total.expectedArrCents / before,
      };
    });
}
