/**
 * Calendar days as the rules count them: ISO dates (`YYYY-MM-DD`) in UTC, so "T-30" or "7 days
 * after signature" is the same day on every machine whatever its time zone.
 */

export const DAY_MS = 86_400_000;

/** Midnight UTC of an ISO date (a longer ISO timestamp is read by its date part). */
export const dayMs = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/** The ISO date of an instant, in UTC. */
export const isoDay = (ms: number | Date): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => isoDay(dayMs(day) + days * DAY_MS);

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}
