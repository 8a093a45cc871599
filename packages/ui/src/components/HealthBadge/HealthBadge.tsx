import type { HealthCategory } from "@keel/domain";
import { cx } from "../../internal/cx.ts";

/** The words shown for each band. "unknown" is "No data", never a score of 0 (SPEC H-3). */
export const healthCategoryLabels: Record<HealthCategory, string> = {
  green: "Green",
  yellow: "Yellow",
  red: "Red",
  unknown: "No data",
};

export interface HealthBadgeProps {
  category: HealthCategory;
  /** Total health score 0–100; shown rounded beside the label. Ignored for "unknown". */
  score?: number | null;
  className?: string;
}

export function HealthBadge({ category, score, className }: HealthBadgeProps) {
  const showScore = category !== "unknown" && score !== null && score !== undefined && Number.isFinite(score);
  return (
    <span className={cx("keel-badge", "keel-health", `keel-health--${category}`, className)}>
      <span className="keel-health__dot" aria-hidden="true" />
      <span className="keel-health__label">{healthCategoryLabels[category]}</span>
      {showScore && (
        <span className="keel-health__score">
          <span className="keel-visually-hidden">, score </span>
          {Math.round(score)}
        </span>
      )}
    </span>
  );
}
