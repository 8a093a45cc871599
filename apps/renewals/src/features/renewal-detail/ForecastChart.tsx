import { formatMoney } from "@keel/ui";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type WeeklyPoint = { week: string; expectedArrCents: number | null; carried: boolean };

/**
 * the AE's expected ARR per week (a gap where no forecast was made yet). The table below
 * it holds the same numbers for reading and assistive tech; the chart has a one-line summary.
 */
export function ForecastChart({
  points,
  currency,
  arrAtStakeCents,
}: {
  points: readonly WeeklyPoint[];
  currency: string;
  arrAtStakeCents: number;
}) {
  const known = points.filter((point) => point.expectedArrCents !== null);
  const last = known.at(-1);
  const summary = last
    ? `Expected ARR per week: ${known.length} forecast weeks, latest ${formatMoney(last.expectedArrCents, currency)} of ${formatMoney(arrAtStakeCents, currency)} at stake`
    : "No forecast yet";
  return (
    <figure className="renewals-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--keel-color-border)" />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={(cents: number) => formatMoney(cents, currency, { compact: true })}
            tick={{ fontSize: 12 }}
            width={64}
          />
          <Tooltip
            formatter={(cents) => [formatMoney(Number(cents), currency), "Expected ARR"]}
            labelFormatter={(week) => `Week ${week}`}
          />
          <Line
            type="stepAfter"
            dataKey="expectedArrCents"
            stroke="var(--keel-color-accent)"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
