import { useUrlParam } from "@keel/app-kit";
import { type AccuracyGrouping, type QueryData, renewalQueries } from "@keel/client";
import { weeksOutBucketLabels, weeksOutBuckets } from "@keel/domain";
import type { RemoteAppProps } from "@keel/federation";
import {
  AsyncContent,
  DataTable,
  type DataTableColumn,
  Money,
  PageHeader,
  Select,
  type SelectOption,
} from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { RenewalsTabs } from "../renewals/RenewalsTabs.tsx";
import { percentText } from "../renewals/renewal-text.ts";

type Accuracy = QueryData<ReturnType<typeof renewalQueries.accuracy>>;
type AccuracyGroup = Accuracy["groups"][number];
type Retention = Accuracy["retention"][number];

const groupings: SelectOption<AccuracyGrouping>[] = [
  { value: "ae", label: "Account Executive" },
  { value: "ta", label: "Technical Advisor" },
  { value: "quarter", label: "Quarter" },
  { value: "weeks_out", label: "Weeks before the due date" },
];
const groupingOf = (value: string | null): AccuracyGrouping =>
  groupings.find((option) => option.value === value)?.value ?? "ae";

const keyLabel = (by: AccuracyGrouping, key: string) =>
  by === "weeks_out"
    ? weeksOutBuckets.find((bucket) => bucket === key)
      ? weeksOutBucketLabels[key as keyof typeof weeksOutBucketLabels]
      : key
    : key;

function groupColumns(by: AccuracyGrouping): DataTableColumn<AccuracyGroup>[] {
  const header = groupings.find((option) => option.value === by)?.label ?? "Group";
  return [
    {
      id: "key",
      header,
      cell: (group) => keyLabel(by, group.key),
      sortValue: (group) => group.key,
      rowHeader: true,
    },
    {
      id: "renewals",
      header: "Renewals",
      align: "end",
      cell: (group) => group.renewalCount,
      sortValue: (group) => group.renewalCount,
    },
    {
      id: "forecasts",
      header: "Forecasts",
      align: "end",
      cell: (group) => group.forecastCount,
      sortValue: (group) => group.forecastCount,
    },
    {
      id: "mean",
      header: "Mean ARR accuracy",
      align: "end",
      cell: (group) => percentText(group.meanArrAccuracy),
      sortValue: (group) => group.meanArrAccuracy,
    },
    {
      id: "median",
      header: "Median ARR accuracy",
      align: "end",
      cell: (group) => percentText(group.medianArrAccuracy),
      sortValue: (group) => group.medianArrAccuracy,
    },
    {
      id: "bias",
      header: "Mean bias",
      align: "end",
      cell: (group) => (
        <>
          {group.meanBiasCents > 0 ? "+" : group.meanBiasCents < 0 ? "−" : ""}
          <Money cents={Math.abs(group.meanBiasCents)} currency="USD" />{" "}
          <span className="renewals-muted">
            {group.meanBiasCents > 0 ? "optimistic" : group.meanBiasCents < 0 ? "pessimistic" : ""}
          </span>
        </>
      ),
      sortValue: (group) => group.meanBiasCents,
    },
    {
      id: "outcomeHit",
      header: "Outcome right",
      align: "end",
      cell: (group) => percentText(group.outcomeHitRate),
      sortValue: (group) => group.outcomeHitRate,
    },
    {
      id: "directionHit",
      header: "Direction right",
      align: "end",
      cell: (group) => percentText(group.directionHitRate),
      sortValue: (group) => group.directionHitRate,
    },
  ];
}

const retentionColumns: DataTableColumn<Retention>[] = [
  { id: "quarter", header: "Quarter", cell: (row) => row.quarter, rowHeader: true },
  { id: "renewals", header: "Processed renewals", align: "end", cell: (row) => row.renewals },
  { id: "grr", header: "GRR", align: "end", cell: (row) => percentText(row.grr) },
  { id: "nrr", header: "NRR", align: "end", cell: (row) => percentText(row.nrr) },
];

/**
 * how close the weekly forecasts of processed renewals came to what happened, per AE, TA,
 * quarter or weeks out, beside the data forecast for the same renewals and weeks; and the actual
 * GRR/NRR per quarter.
 */
export function AccuracyPage(_props: RemoteAppProps) {
  const [byParam, setBy] = useUrlParam("by");
  const by = groupingOf(byParam);
  const accuracy = useQuery({ ...renewalQueries.accuracy(by), placeholderData: keepPreviousData });
  const columns = groupColumns(by);

  return (
    <div className="renewals">
      <PageHeader
        title="Forecast accuracy"
        description="How close each weekly forecast came to the processed outcome (X-5), beside what the data forecast said for the same renewals and weeks."
      />
      <RenewalsTabs from="page" />
      <div className="renewals-filters">
        <Select
          label="Group by"
          options={groupings}
          value={by}
          onValueChange={(value) => setBy(value === "ae" || value === "" ? null : value)}
        />
      </div>
      <AsyncContent
        query={accuracy}
        errorTitle="Could not load the forecast accuracy"
        isEmpty={(data) => data.renewals === 0}
        emptyTitle="No processed renewal with a forecast yet"
        emptyMessage="Accuracy is measured once a forecast renewal is processed."
      >
        {(data) => (
          <>
            <p className="renewals-lead">
              {data.forecasts.toLocaleString("en-US")} weekly forecasts of{" "}
              {data.renewals.toLocaleString("en-US")} processed renewals. Accuracy is 100% when the expected
              ARR was the ARR after; bias is forecast minus actual.
            </p>
            <div className="renewals-grid renewals-grid--wide">
              <DataTable
                caption="Team forecasts"
                rowNoun={{ one: "group", other: "groups" }}
                columns={columns}
                rows={data.groups}
                getRowId={(group) => group.key}
                filterable={false}
                density="compact"
              />
              <DataTable
                caption="Data forecast"
                rowNoun={{ one: "group", other: "groups" }}
                columns={columns}
                rows={data.dataGroups}
                getRowId={(group) => group.key}
                filterable={false}
                density="compact"
                emptyMessage="Not enough history for a data forecast"
              />
            </div>
            <DataTable
              caption="Retention per quarter"
              rowNoun={{ one: "quarter", other: "quarters" }}
              columns={retentionColumns}
              rows={data.retention}
              getRowId={(row) => row.quarter}
              filterable={false}
              density="compact"
            />
          </>
        )}
      </AsyncContent>
    </div>
  );
}
