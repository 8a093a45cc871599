import { type DateInput, formatDate } from "../../format/date.ts";

const formatter = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday"; a plain date once it is more than a week old. */
export function relativeTime(value: string, now: DateInput = Date.now()): string {
  const then = Date.parse(value);
  const reference = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (Number.isNaN(then) || Number.isNaN(reference)) return formatDate(value);
  const seconds = Math.round((then - reference) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 45 * 60) return formatter.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return formatter.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return formatter.format(Math.round(seconds / 86_400), "day");
  return formatDate(value);
}
