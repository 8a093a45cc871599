import { DEFAULT_LOCALE, MISSING_VALUE } from "./money.ts";

export type DateInput = string | number | Date;
export type DateStyle = "short" | "medium" | "long";

export interface FormatDateOptions {
  /** short "1/31/25", medium "Jan 31, 2025" (default), long "January 31, 2025". */
  style?: DateStyle;
  locale?: string;
  /** Time zone for timestamps. Calendar dates (`YYYY-MM-DD`) ignore it: they have no zone. */
  timeZone?: string;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

interface ParsedDate {
  date: Date;
  /** A calendar date parsed as UTC midnight, so it must be printed in UTC too. */
  calendarDate: boolean;
}

function parseDate(value: DateInput): ParsedDate | null {
  if (typeof value === "string" && isoDatePattern.test(value)) {
    // `new Date("2025-01-31")` is UTC midnight, which prints as Jan 30 anywhere west of UTC.
    const date = new Date(`${value}T00:00:00Z`);
    // Date rolls "2025-02-30" over to March 2; a date that does not round-trip does not exist.
    const valid = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    return valid ? { date, calendarDate: true } : null;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, calendarDate: false };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, style: DateStyle, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats a date for display; "—" for a missing or unparseable value. */
export function formatDate(value: DateInput | null | undefined, options: FormatDateOptions = {}): string {
  if (value === null || value === undefined || value === "") return MISSING_VALUE;
  const parsed = parseDate(value);
  if (!parsed) return MISSING_VALUE;
  const timeZone = parsed.calendarDate ? "UTC" : options.timeZone;
  return dateFormat(options.locale ?? DEFAULT_LOCALE, options.style ?? "medium", timeZone).format(
    parsed.date,
  );
}

/** The machine-readable form for `<time dateTime>`: calendar dates stay as they are. */
export function toDateTimeAttribute(value: DateInput): string | undefined {
  const parsed = parseDate(value);
  if (!parsed) return undefined;
  return parsed.calendarDate ? (value as string) : parsed.date.toISOString();
}
