import { daysBetween } from "../dates.ts";
import type { HealthCategory } from "../health/category.ts";
import { countOf, type RenewalOutcome, renewalOutcomeDirections } from "./renewal.ts";

/**
 * how close a forecast ARR came to the actual, 1 − |forecast − actual| / actual, floored at
 * 0 (a forecast off by more than the actual is as wrong as can be, not "negative accuracy").
 * A full churn's actual is 0, where the ratio is undefined: forecasting 0 then is exactly right
 * (1) and any other figure entirely wrong (0), so a churn nobody saw coming scores as a miss.
 */
export function arrAccuracy(forecastCents: number, actualCents: number): number {
  if (actualCents === 0) return forecastCents === 0 ? 1 : 0;
  return Math.max(0, 1 - Math.abs(forecastCents - actualCents) / Math.abs(actualCents));
}

/**
 * the forecast's signed error, positive when it was too optimistic. `relative` is the error
 * over the actual, null when the actual is 0 (there is no share of nothing).
 */
export function biasOf(
  forecastCents: number,
  actualCents: number,
): { cents: number; relative: number | null } {
  const cents = forecastCents - actualCents;
  return { cents, relative: actualCents === 0 ? null : cents / actualCents };
}

/** the forecast named the outcome that happened. */
export const outcomeCorrect = (forecast: RenewalOutcome, actual: RenewalOutcome): boolean =>
  forecast === actual;

/** the forecast had the direction right (a partial churn forecast for a full churn counts). */
export const directionCorrect = (forecast: RenewalOutcome, actual: RenewalOutcome): boolean =>
  renewalOutcomeDirections[forecast] === renewalOutcomeDirections[actual];

/** How far ahead a forecast was made, in bands that grow as the renewal recedes. */
/** Whole weeks from `day` to the due date, negative after it: how far out a forecast was made. */
export function weeksBefore(dueDate: string, day: string): number {
  return Math.floor(daysBetween(day, dueDate) / 7);
}

export const weeksOutBuckets = ["0-1", "2-4", "5-8", "9-13", "14+"] as const;
export type WeeksOutBucket = (typeof weeksOutBuckets)[number];
export const weeksOutBucketLabels: Record<WeeksOutBucket, string> = {
  "0-1": "0–1 weeks",
  "2-4": "2–4 weeks",
  "5-8": "5–8 weeks",
  "9-13": "9–13 weeks",
  "14+": "14+ weeks",
};

/** The band of a forecast `weeksOut` weeks before the due date; one made after it counts as 0–1. */
export function weeksOutBucketOf(weeksOut: number): WeeksOutBucket {
  if (weeksOut <= 1) return "0-1";
  if (weeksOut <= 4) return "2-4";
  if (weeksOut <= 8) return "5-8";
  if (weeksOut <= 13) return "9-13";
  return "14+";
}

/** One weekly forecast of a processed renewal, beside what actually happened. */
export type AccuracyRow = {
  renewalId: string;
  ae: string;
  ta: string;
  quarter: string;
  weeksOut: number;
  forecast: { outcome: RenewalOutcome; expectedArrCents: number };
  actual: { outcome: RenewalOutcome; arrAfterCents: number; arrBeforeCents: number };
};

export type AccuracyGrouping = "ae" | "ta" | "quarter" | "weeks_out";

export type AccuracyGroup = {
  /** The AE, TA, quarter or weeks-out band the group is of. */
  key: string;
  forecastCount: number;
  renewalCount: number;
  /** The renewals' ARR before, each renewal once. */
  arrBeforeCents: number;
  meanArrAccuracy: number;
  medianArrAccuracy: number;
  /** Mean of forecast − actual over the forecasts, rounded to the cent; positive = optimistic. */
  meanBiasCents: number;
  outcomeHitRate: number;
  directionHitRate: number;
};

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function keyOf(row: AccuracyRow, by: AccuracyGrouping): string {
  if (by === "weeks_out") return weeksOutBucketOf(row.weeksOut);
  return row[by];
}

/**
 * forecast accuracy per AE, TA, quarter or weeks-out band. Every weekly forecast weighs the
 * same, so a renewal forecast for 14 weeks counts 14 times: the question is "how good are this
 * AE's forecasts", not "how good is their average forecast per renewal". Groups come in key
 * order (weeks-out bands nearest first).
 */
export function accuracyReport(rows: readonly AccuracyRow[], by: AccuracyGrouping): AccuracyGroup[] {
  const groups = new Map<string, AccuracyRow[]>();
  for (const row of rows) {
    const key = keyOf(row, by);
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  // Plain code-point order, not the machine's locale: the same report everywhere.
  const rank = (key: string): string | number =>
    by === "weeks_out" ? weeksOutBuckets.indexOf(key as WeeksOutBucket) : key;
  return [...groups.entries()]
    .sort(([a], [b]) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))
    .map(([key, members]) => {
      const accuracies = members.map((row) =>
        arrAccuracy(row.forecast.expectedArrCents, row.actual.arrAfterCents),
      );
      const arrBeforeByRenewal = new Map(members.map((row) => [row.renewalId, row.actual.arrBeforeCents]));
      return {
        key,
        forecastCount: members.length,
        renewalCount: arrBeforeByRenewal.size,
        arrBeforeCents: [...arrBeforeByRenewal.values()].reduce((sum, cents) => sum + cents, 0),
        meanArrAccuracy: mean(accuracies),
        medianArrAccuracy: median(accuracies),
        meanBiasCents: Math.round(
          mean(members.map((row) => biasOf(row.forecast.expectedArrCents, row.actual.arrAfterCents).cents)),
        ),
        outcomeHitRate: mean(
          members.map((row) => (outcomeCorrect(row.forecast.outcome, row.actual.outcome) ? 1 : 0)),
        ),
        directionHitRate: mean(
          members.map((row) => (directionCorrect(row.forecast.outcome, row.actual.outcome) ? 1 : 0)),
        ),
      };
    });
}

/**
 * Gross and net revenue retention of a set of renewals: GRR counts no renewal above its ARR
 * before (expansion cannot hide churn), NRR counts expansion. Null when there is no ARR before
 * to retain (no renewals, or only ones with none).
 */
export function retention(
  rows: readonly { arrBeforeCents: number; arrAfterCents: number }[],
): { grr: number; nrr: number } | null {
  let before = 0;
  let kept = 0;
  let after = 0;
  for (const row of rows) {
    before += row.arrBeforeCents;
    kept += Math.min(row.arrAfterCents, row.arrBeforeCents);
    after += row.arrAfterCents;
  }
  return before === 0 ? null : { grr: kept / before, nrr: after / before };
}

/** A processed renewal, with the health category it had at each weeks-out band before it. */
export type DataForecastHistory = {
  categoryAtWeeksOut: Partial<Record<WeeksOutBucket, HealthCategory>>;
  arrBeforeCents: number;
  arrAfterCents: number;
};

export type DataForecast = {
  expectedArrCents: number;
  /** Σ ARR after / Σ ARR before of the renewals it learnt from (1 with none). */
  retention: number;
  /** which renewals the figure comes from, as a sentence. */
  basis: string;
  sampleSize: number;
};

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/**
 * a forecast from the data, beside the AE's: the ARR at stake × the net retention of past
 * renewals that were in the same health category the same weeks out. With none, the same
 * category at any point; then all past renewals; with no history at all, the ARR at stake.
 */
export function dataForecast(
  renewal: { category: HealthCategory; weeksOut: number; arrAtStakeCents: number },
  history: readonly DataForecastHistory[],
): DataForecast {
  return dataForecastModel(history).forecast(renewal);
}

/** ARR before and after, summed over some processed renewals, and how many. */
export type RetentionSums = { before: number; after: number; count: number };

/**
 * The history a data forecast rests on, most specific first: past renewals in the same health
 * category the same weeks out; in that category at any time; all of them.
 */
export type DataForecastSums = { band: RetentionSums; category: RetentionSums; all: RetentionSums };

/** `dataForecast` from sums already added up (the database adds them for one renewal). */
export function dataForecastFromSums(
  renewal: { category: HealthCategory; weeksOut: number; arrAtStakeCents: number },
  sums: DataForecastSums,
): DataForecast {
  const category = renewal.category;
  const when = `${weeksOutBucketLabels[weeksOutBucketOf(renewal.weeksOut)]} out`;
  const levels: { sums: RetentionSums; describe: (count: number) => string }[] = [
    { sums: sums.band, describe: (count) => `${countOf(count, "past renewal")} ${category} ${when}` },
    {
      sums: sums.category,
      describe: (count) => `No past renewal was ${category} ${when}; ${count} ${category} at another time`,
    },
    {
      sums: sums.all,
      describe: (count) => `No past renewal was ever ${category}; all ${countOf(count, "past renewal")}`,
    },
  ];
  for (const level of levels) {
    // As `retention`: a level with no ARR before has nothing to say.
    if (level.sums.count === 0 || level.sums.before <= 0) continue;
    const nrr = level.sums.after / level.sums.before;
    return {
      expectedArrCents: Math.round(renewal.arrAtStakeCents * nrr),
      retention: nrr,
      basis: `${level.describe(level.sums.count)} kept ${percent(nrr)} of their ARR.`,
      sampleSize: level.sums.count,
    };
  }
  return {
    expectedArrCents: renewal.arrAtStakeCents,
    retention: 1,
    basis: "No processed renewals to learn from: the ARR at stake, unchanged.",
    sampleSize: 0,
  };
}

/**
 * `dataForecast` for many renewals over one history: the sums per health category and weeks-out
 * band are added up once, so each forecast is a lookup. `forecast(renewal, without)` leaves one
 * history row out (a past renewal judged against the others, never against its own result).
 */
export function dataForecastModel(history: readonly DataForecastHistory[]) {
  const byBand = new Map<string, RetentionSums>();
  const byCategory = new Map<string, RetentionSums>();
  const all: RetentionSums = { before: 0, after: 0, count: 0 };
  const add = (map: Map<string, RetentionSums>, key: string, row: DataForecastHistory) => {
    const sums = map.get(key) ?? { before: 0, after: 0, count: 0 };
    sums.before += row.arrBeforeCents;
    sums.after += row.arrAfterCents;
    sums.count += 1;
    map.set(key, sums);
  };
  for (const row of history) {
    for (const [band, category] of Object.entries(row.categoryAtWeeksOut))
      add(byBand, `${band}|${category}`, row);
    for (const category of new Set(Object.values(row.categoryAtWeeksOut))) add(byCategory, category, row);
    all.before += row.arrBeforeCents;
    all.after += row.arrAfterCents;
    all.count += 1;
  }
  const minus = (
    sums: RetentionSums | undefined,
    row: DataForecastHistory | undefined,
    included: boolean,
  ): RetentionSums => {
    const base = sums ?? { before: 0, after: 0, count: 0 };
    if (!row || !included) return base;
    return {
      before: base.before - row.arrBeforeCents,
      after: base.after - row.arrAfterCents,
      count: base.count - 1,
    };
  };
  return {
    forecast(
      renewal: { category: HealthCategory; weeksOut: number; arrAtStakeCents: number },
      without?: DataForecastHistory,
    ): DataForecast {
      const bucket = weeksOutBucketOf(renewal.weeksOut);
      const category = renewal.category;
      return dataForecastFromSums(renewal, {
        band: minus(
          byBand.get(`${bucket}|${category}`),
          without,
          without?.categoryAtWeeksOut[bucket] === category,
        ),
        category: minus(
          byCategory.get(category),
          without,
          without !== undefined && Object.values(without.categoryAtWeeksOut).includes(category),
        ),
        all: minus(all, without, without !== undefined),
      });
    },
  };
}

/**
 * the health category a renewal had in each weeks-out band, from the category stamped on
 * its weekly forecasts: the latest entry in a band stands for the band. Entries in entry order.
 */
export function categoryAtWeeksOut(
  dueDate: string,
  entries: readonly { enteredOn: string; category: HealthCategory | null }[],
): Partial<Record<WeeksOutBucket, HealthCategory>> {
  const bands: Partial<Record<WeeksOutBucket, HealthCategory>> = {};
  for (const entry of entries) {
    if (entry.category)
      bands[weeksOutBucketOf(Math.max(0, weeksBefore(dueDate, entry.enteredOn)))] = entry.category;
  }
  return bands;
}
