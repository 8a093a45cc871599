import type { CSSProperties } from "react";
import { cx } from "../../internal/cx.ts";

export interface SkeletonProps {
  /** "lines" stands in for text, "block" for a chart or an image. */
  variant?: "lines" | "block";
  /** Number of text lines (variant "lines"). */
  lines?: number;
  width?: CSSProperties["width"];
  /** Height of the block (variant "block"). */
  height?: CSSProperties["height"];
  /**
   * Announced as a status. Pass `null` when the surrounding region already says it is loading
   * (e.g. a table with aria-busy), so a screen reader does not hear "Loading" once per cell.
   */
  label?: string | null;
  className?: string;
}

export function Skeleton({
  variant = "lines",
  lines = 3,
  width,
  height,
  label = "Loading…",
  className,
}: SkeletonProps) {
  const barCount = variant === "block" ? 1 : Math.max(1, lines);
  const bars = Array.from({ length: barCount }, (_, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder bars that never reorder.
    <span key={index} className="keel-skeleton__bar" />
  ));
  const style: CSSProperties = { width, height: variant === "block" ? (height ?? "6rem") : undefined };
  const classes = cx("keel-skeleton", `keel-skeleton--${variant}`, className);
  if (label === null) {
    return (
      <span className={classes} style={style} aria-hidden="true">
        {bars}
      </span>
    );
  }
  return (
    <span role="status" className={classes} style={style}>
      <span className="keel-visually-hidden">{label}</span>
      {bars}
    </span>
  );
}
