import type { HealthCategory } from "@keel/domain";
import { formatDate } from "../../format/date.ts";
import { cx } from "../../internal/cx.ts";

export interface TrendPoint {
  /** ISO date or date-time of the point. */
  at: string;
  /** 0–100, or null when there was no score (a gap in the line, never 0). */
  score: number | null;
  category?: HealthCategory;
  /** Marks the point, e.g. "Policy v2" where the scoring policy changed (X-3). */
  marker?: string;
}

export interface TrendChartProps {
  /** Oldest first. */
  points: readonly TrendPoint[];
  /** What the chart shows, e.g. "Health score"; used in the accessible summary. */
  label?: string;
  /**
   * Category bands drawn behind the line: green ≥ green, yellow ≥ yellow, red below (H-3).
   * They are the policy's, not the chart's: pass the policy in force's `bands`. Without them
   * (the policy is still loading) the line is drawn on a plain 0–100 scale.
   */
  bands?: { green: number; yellow: number };
  /** Shown when there are no points. */
  emptyMessage?: string;
  height?: number;
  className?: string;
}

const WIDTH = 640;
const PAD = { top: 22, right: 16, bottom: 26, left: 34 };

function fmt(score: number | null) {
  return score === null ? "no score" : String(Math.round(score));
}

/** Plain-language summary of the points, for the chart's aria-label. */
export function summarizeTrend(points: readonly TrendPoint[], label = "Health score"): string {
  if (points.length === 0) return `${label}: no history yet`;
  const first = points[0] as TrendPoint;
  const last = points[points.length - 1] as TrendPoint;
  const scored = points.filter((p) => p.score !== null).map((p) => p.score as number);
  const markers = points.filter((p) => p.marker).map((p) => `${p.marker} on ${formatDate(p.at)}`);
  const parts = [
    `${label} over ${points.length} ${points.length === 1 ? "point" : "points"}, from ${fmt(first.score)} on ${formatDate(first.at)} to ${fmt(last.score)} on ${formatDate(last.at)}`,
  ];
  if (scored.length > 0)
    parts.push(`lowest ${fmt(Math.min(...scored))}, highest ${fmt(Math.max(...scored))}`);
  if (markers.length > 0) parts.push(`marked: ${markers.join("; ")}`);
  return `${parts.join("; ")}.`;
}

/**
 * A score over time as an inline SVG line over the category bands, with markers (e.g. policy
 * changes, X-3). Accessible: the SVG is an image with a summary label, and a visually hidden
 * table lists every point.
 */
export function TrendChart({
  points,
  label = "Health score",
  bands,
  emptyMessage = "No history yet",
  height = 200,
  className,
}: TrendChartProps) {
  if (points.length === 0) {
    return (
      <div className={cx("keel-trend", "keel-trend--empty", className)}>
        <p className="keel-trend__empty">{emptyMessage}</p>
      </div>
    );
  }
  const times = points.map((p) => Date.parse(p.at));
  // Points are positional (two may share a day): key them by position once.
  const keyed = points.map((p, i) => ({ ...p, key: `${p.at}#${i}`, t: times[i] as number }));
  const minT = Math.min(...times);
  const maxT = Math.max(...times);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (maxT === minT ? innerW / 2 : ((t - minT) / (maxT - minT)) * innerW);
  const y = (score: number) => PAD.top + innerH - (Math.max(0, Math.min(100, score)) / 100) * innerH;

  // The line breaks where a point has no score.
  const segments: string[] = [];
  let current = "";
  for (const p of keyed) {
    if (p.score === null) {
      if (current) segments.push(current);
      current = "";
      continue;
    }
    current += `${current ? " L" : "M"}${x(p.t).toFixed(1)},${y(p.score).toFixed(1)}`;
  }
  if (current) segments.push(current);

  const bandRects = bands
    ? [
        { id: "green", from: bands.green, to: 100 },
        { id: "yellow", from: bands.yellow, to: bands.green },
        { id: "red", from: 0, to: bands.yellow },
      ]
    : [];
  // The band edges as ticks; a set, since a policy may put both edges on one score.
  const ticks = [...new Set([0, ...(bands ? [bands.yellow, bands.green] : [50]), 100])];
  const first = points[0] as TrendPoint;
  const last = points[points.length - 1] as TrendPoint;

  return (
    <figure className={cx("keel-trend", className)}>
      <svg
        className="keel-trend__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={summarizeTrend(points, label)}
        preserveAspectRatio="none"
      >
        {bandRects.map((band) => (
          <rect
            key={band.id}
            className={`keel-trend__band keel-trend__band--${band.id}`}
            x={PAD.left}
            width={innerW}
            y={y(band.to)}
            height={Math.max(0, y(band.from) - y(band.to))}
          />
        ))}
        {ticks.map((tick) => (
          <g key={tick} className="keel-trend__tick">
            <line x1={PAD.left} x2={PAD.left + innerW} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {keyed.map((p) =>
          p.marker ? (
            <g key={p.key} className="keel-trend__marker" data-marker={p.marker}>
              <line x1={x(p.t)} x2={x(p.t)} y1={PAD.top - 4} y2={PAD.top + innerH} />
              <text x={x(p.t)} y={PAD.top - 8} textAnchor={x(p.t) > WIDTH - 60 ? "end" : "middle"}>
                {p.marker}
              </text>
            </g>
          ) : null,
        )}
        {segments.map((d) => (
          <path key={d} className="keel-trend__line" d={d} />
        ))}
        {keyed.map((p) =>
          p.score === null ? null : (
            <circle
              key={p.key}
              className={cx("keel-trend__point", p.category && `keel-trend__point--${p.category}`)}
              cx={x(p.t)}
              cy={y(p.score)}
              r={3}
            >
              <title>{`${formatDate(p.at)}: ${fmt(p.score)}${p.marker ? ` (${p.marker})` : ""}`}</title>
            </circle>
          ),
        )}
        <text className="keel-trend__axis" x={PAD.left} y={height - 6} textAnchor="start">
          {formatDate(first.at)}
        </text>
        {points.length > 1 && (
          <text className="keel-trend__axis" x={PAD.left + innerW} y={height - 6} textAnchor="end">
            {formatDate(last.at)}
          </text>
        )}
      </svg>
      <table className="keel-visually-hidden">
        <caption>{label}, by date</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {keyed.map((p) => (
            <tr key={p.key}>
              <th scope="row">{formatDate(p.at)}</th>
              <td>{fmt(p.score)}</td>
              <td>{p.marker ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
