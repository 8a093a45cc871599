import { cx } from "../../internal/cx.ts";

export interface ProgressBarProps {
  done: number;
  total: number;
  /** Names the bar for screen readers, e.g. "Onboarding project progress". */
  label: string;
  /** Hide the "3 of 5" text when the number is already shown nearby. */
  showCount?: boolean;
  className?: string;
}

/** Done of total, e.g. a project's tasks. Values are clamped so a stale count never overflows. */
export function ProgressBar({ done, total, label, showCount = true, className }: ProgressBarProps) {
  const safeTotal = Math.max(0, Math.floor(total));
  const safeDone = Math.min(Math.max(0, Math.floor(done)), safeTotal);
  const ratio = safeTotal === 0 ? 0 : safeDone / safeTotal;
  const valueText = safeTotal === 0 ? "Nothing to do yet" : `${safeDone} of ${safeTotal} done`;
  return (
    <div
      className={cx(
        "keel-progress",
        safeDone === safeTotal && safeTotal > 0 && "keel-progress--complete",
        className,
      )}
    >
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={safeTotal}
        aria-valuenow={safeDone}
        aria-valuetext={valueText}
        className="keel-progress__track"
      >
        <span className="keel-progress__fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      {showCount && (
        <span className="keel-progress__count" aria-hidden="true">
          {safeTotal === 0 ? "0 of 0" : `${safeDone} of ${safeTotal}`}
        </span>
      )}
    </div>
  );
}
