/** Shown for a missing amount or date: an empty cell reads as "still loading". */
export const MISSING_VALUE = "—";

export const DEFAULT_LOCALE = "en-US";

export interface FormatMoneyOptions {
  /** "$1.2M" instead of "$1,200,000": for dense tables and tiles. */
  compact?: boolean;
  /**
   * Show the minor units. Default: only when the amount has some, so ARR reads "$120,000"
   * while an invoice line still reads "$99.50".
   */
  showCents?: boolean;
  locale?: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

// Building an Intl.NumberFormat is far slower than using one; a 2,000-row table formats
// every money cell on each sort, so formatters are cached by their options.
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Digits after the decimal point for a currency (2 for USD/EUR/GBP, 0 for JPY). */
export function currencyMinorDigits(currency: string, locale = DEFAULT_LOCALE): number {
  return numberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats an amount held in integer minor units (cents), as money is stored everywhere in Keel.
 * `currency` is an ISO 4217 code.
 */
export function formatMoney(
  cents: number | null | undefined,
  currency: string,
  options: FormatMoneyOptions = {},
): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return MISSING_VALUE;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const digits = currencyMinorDigits(currency, locale);
  const amount = cents / 10 ** digits;
  if (options.compact) {
    return numberFormat(locale, {
      style: "currency",
      currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(amount);
  }
  const hasMinorUnits = cents % 10 ** digits !== 0;
  const fractionDigits = (options.showCents ?? hasMinorUnits) ? digits : 0;
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}
