import {
  type DateInput,
  type FormatDateOptions,
  formatDate,
  toDateTimeAttribute,
} from "../../format/date.ts";
import { MISSING_VALUE } from "../../format/money.ts";
import { cx } from "../../internal/cx.ts";

export interface DateTextProps extends FormatDateOptions {
  /** ISO date (`YYYY-MM-DD`), ISO timestamp, epoch milliseconds or Date. */
  value: DateInput | null | undefined;
  /** Shown when there is no date, e.g. "Not set". */
  fallback?: string;
  className?: string;
}

/** A date in a <time> element, so the exact value is machine-readable and shown on hover. */
export function DateText({ value, fallback = MISSING_VALUE, className, ...options }: DateTextProps) {
  const text = formatDate(value, options);
  if (value === null || value === undefined || text === MISSING_VALUE) {
    return <span className={cx("keel-date", className)}>{fallback}</span>;
  }
  return (
    <time
      className={cx("keel-date", className)}
      dateTime={toDateTimeAttribute(value)}
      title={formatDate(value, { ...options, style: "long" })}
    >
      {text}
    </time>
  );
}
