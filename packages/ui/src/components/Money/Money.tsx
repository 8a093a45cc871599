import { type FormatMoneyOptions, formatMoney } from "../../format/money.ts";
import { cx } from "../../internal/cx.ts";

export interface MoneyProps extends FormatMoneyOptions {
  /** Integer minor units (cents). */
  cents: number | null | undefined;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  className?: string;
}

export function Money({ cents, currency, compact, showCents, locale, className }: MoneyProps) {
  const text = formatMoney(cents, currency, { compact, showCents, locale });
  // A compact figure hides precision; the exact amount stays one hover away.
  const exact = compact ? formatMoney(cents, currency, { showCents, locale }) : undefined;
  return (
    <span className={cx("keel-money", className)} title={exact !== text ? exact : undefined}>
      {text}
    </span>
  );
}
