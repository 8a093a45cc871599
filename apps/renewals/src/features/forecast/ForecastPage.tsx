import { MineOnlyToggle, useUrlFlag } from "@keel/app-kit";
import { type QueryData, renewalQueries } from "@keel/client";
import { type ForecastBucket, forecastBuckets, renewalOutcomeLabels } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import {
  AsyncContent,
  Button,
  DataTable,
  type DataTableColumn,
  formatMoney,
  Money,
  PageHeader,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { RenewalsTabs } from "../renewals/RenewalsTabs.tsx";
import { percentText } from "../renewals/renewal-text.ts";
import { downloadCsv, toCsv } from "./csv.ts";

type QuarterForecast = QueryData<ReturnType<typeof renewalQueries.forecast>>["quarters"][number];

export const bucketLabels: Record<ForecastBucket, string> = {
  ...renewalOutcomeLabels,
  unforecast: "Not forecast yet (assumed flat)",
};
const bucketColors: Record<ForecastBucket, string> = {
  full_churn: "var(--keel-health-red-fg, #b42318)",
  partial_churn: "#e8883a",
  flat: "#7a8699",
  incremental: "var(--keel-health-green-fg, #1a7f37)",
  unforecast: "#c7ccd6",
};

const cellOf = (quarter: QuarterForecast, bucket: ForecastBucket) =>
  quarter.byOutcome[bucket] ?? { count: 0, arrAtStakeCents: 0, expectedArrCents: 0 };

function quarterColumns(currency: string): DataTableColumn<QuarterForecast>[] {
  return [
    { id: "quarter", header: "Quarter", cell: (quarter) => quarter.quarter, rowHeader: true },
    { id: "count", header: "Renewals", align: "end", cell: (quarter) => quarter.total.count },
    {
      id: "atStake",
      header: "ARR at stake",
      align: "end",
      cell: (quarter) => <Money cents={quarter.total.arrAtStakeCents} currency={currency} />,
    },
    ...forecastBuckets.map(
      (bucket): DataTableColumn<QuarterForecast> => ({
        id: bucket,
        header: bucketLabels[bucket],
        align: "end",
        cell: (quarter) => {
          const cell = cellOf(quarter, bucket);
          return cell.count === 0 ? (
            <span className="renewals-muted">—</span>
          ) : (
            <>
              <Money cents={cell.expectedArrCents} currency={currency} />
              <br />
              <span className="renewals-muted">
                {cell.count === 1 ? "1 renewal" : `${cell.count} renewals`}
              </span>
            </>
          );
        },
      }),
    ),
    {
      id: "expected",
      header: "Expected ARR",
      align: "end",
      cell: (quarter) => <Money cents={quarter.total.expectedArrCents} currency={currency} />,
    },
    { id: "grr", header: "GRR", align: "end", cell: (quarter) => percentText(quarter.grr) },
    { id: "nrr", header: "NRR", align: "end", cell: (quarter) => percentText(quarter.nrr) },
  ];
}

/** The table as CSV: whole currency amounts, percentages as numbers. */
export function forecastCsv(quarters: readonly QuarterForecast[]): string {
  const dollars = (cents: number) => cents / 100;
  const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);
  return toCsv([
    [
      "Quarter",
      "Renewals",
      "Processed",
      "ARR at stake",
      ...forecastBuckets.flatMap((bucket) => [
        `${bucketLabels[bucket]}: renewals`,
        `${bucketLabels[bucket]}: ARR at stake`,
        `${bucketLabels[bucket]}: expected ARR`,
      ]),
      "Expected ARR",
      "GRR %",
      "NRR %",
    ],
    ...quarters.map((quarter) => [
      quarter.quarter,
      quarter.total.count,
      quarter.processedCount,
      dollars(quarter.total.arrAtStakeCents),
      ...forecastBuckets.flatMap((bucket) => {
        const cell = cellOf(quarter, bucket);
        return [cell.count, dollars(cell.arrAtStakeCents), dollars(cell.expectedArrCents)];
      }),
      dollars(quarter.total.expectedArrCents),
      percent(quarter.grr),
      percent(quarter.nrr),
    ]),
  ]);
}

function ForecastChart({ quarters, currency }: { quarters: readonly QuarterForecast[]; currency: string }) {
  const data = quarters.map((quarter) => ({
    quarter: quarter.quarter,
    ...Object.fromEntries(
      forecastBuckets.map((bucket) => [bucket, cellOf(quarter, bucket).expectedArrCents]),
    ),
  }));
  const summary = quarters
    .map((quarter) => `${quarter.quarter}: ${formatMoney(quarter.total.expectedArrCents, currency)} expected`)
    .join("; ");
  return (
    <figure
      className="renewals-chart renewals-chart--tall"
      role="img"
      aria-label={`Expected ARR by outcome. ${summary}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--keel-color-border)" />
          <XAxis dataKey="quarter" />
          <YAxis
            tickFormatter={(cents: number) => formatMoney(cents, currency, { compact: true })}
            width={72}
          />
          <Tooltip
            formatter={(cents, bucket) => [
              formatMoney(Number(cents), currency),
              bucketLabels[bucket as ForecastBucket],
            ]}
          />
          <Legend formatter={(bucket) => bucketLabels[bucket as ForecastBucket]} />
          {forecastBuckets.map((bucket) => (
            <Bar
              key={bucket}
              dataKey={bucket}
              stackId="outcome"
              fill={bucketColors[bucket]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * R-5 roll-up: expected ARR by quarter and outcome (processed renewals as what happened, the
 * rest as their latest forecast, unforecast ones assumed flat), with forecast GRR and NRR.
 */
export function ForecastPage(_props: RemoteAppProps) {
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  const forecast = useQuery({
    ...renewalQueries.forecast(mineOnly ? { owner: "mine" } : {}),
    placeholderData: keepPreviousData,
  });
  // The book is in one currency today.
  const currency = "USD";

  return (
    <div className="renewals">
      <PageHeader
        title="Quarterly forecast"
        description="Expected ARR by quarter and outcome (R-5): processed renewals as they closed, open ones as their latest weekly forecast."
        actions={
          <Button
            size="sm"
            disabled={!forecast.data || forecast.data.quarters.length === 0}
            onClick={() =>
              forecast.data &&
              downloadCsv(`renewal-forecast-${forecast.data.today}.csv`, forecastCsv(forecast.data.quarters))
            }
          >
            Export CSV
          </Button>
        }
      />
      <RenewalsTabs from="page" />
      <div className="renewals-filters">
        <MineOnlyToggle checked={mineOnly} onChange={setMineOnly} />
      </div>
      <AsyncContent
        query={forecast}
        errorTitle="Could not load the forecast"
        isEmpty={(data) => data.quarters.every((quarter) => quarter.total.count === 0)}
        emptyTitle="No renewals in these quarters"
        emptyMessage={mineOnly ? "None of your accounts renews this quarter or the next three." : undefined}
      >
        {(data) => (
          <>
            <ForecastChart quarters={data.quarters} currency={currency} />
            <DataTable
              caption="Forecast by quarter"
              rowNoun={{ one: "quarter", other: "quarters" }}
              columns={quarterColumns(currency)}
              rows={data.quarters}
              getRowId={(quarter) => quarter.quarter}
              filterable={false}
            />
          </>
        )}
      </AsyncContent>
    </div>
  );
}
