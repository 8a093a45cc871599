import { cx } from "../../internal/cx.ts";

export interface SpinnerProps {
  /** Announced to screen readers; omit when the surrounding control already says it is busy. */
  label?: string;
  className?: string;
}

export function Spinner({ label, className }: SpinnerProps) {
  if (label === undefined) return <span className={cx("keel-spinner", className)} aria-hidden="true" />;
  return (
    <span role="status" className={cx("keel-spinner", className)}>
      <span className="keel-visually-hidden">{label}</span>
    </span>
  );
}
