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

/**
 * The same day `months` calendar months later (earlier when negative). A day the target month
 * lacks falls back to that month's last day: a term from 2028-02-29 or 01-31 ends on the
 * month's end, not in the month after.
 */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.slice(0, 10).split("-").map(Number);
  const target = Date.UTC(year, month - 1 + months, 1);
  const lastDay = new Date(Date.UTC(year, month + months, 0)).getUTCDate();
  return isoDay(target + (Math.min(date, lastDay) - 1) * DAY_MS);
}
