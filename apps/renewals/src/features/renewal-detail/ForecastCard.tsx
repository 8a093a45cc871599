import { type RenewalDetail, renewalMutations } from "@keel/client";
import { type RenewalOutcome, renewalOutcomeLabels } from "@keel/domain";
import { Button, Card, DataTable, type DataTableColumn, Money, Select, TextArea, TextInput } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { centsOfDollars, dollarsText, percentText } from "../renewals/renewal-text.ts";
import { ForecastChart } from "./ForecastChart.tsx";
import { outcomeOptions } from "./outcome-options.ts";
import { describeWriteError, WriteErrorNotice } from "./write-error.tsx";

type CardProps = { renewal: RenewalDetail; onNotice: (text: string) => void; onReload: () => void };
type WeeklyRow = RenewalDetail["weekly"][number];

function weeklyColumns(currency: string): DataTableColumn<WeeklyRow>[] {
  return [
    { id: "week", header: "Week", cell: (row) => row.week, rowHeader: true },
    {
      id: "outcome",
      header: "Outcome",
      cell: (row) => (row.forecast ? renewalOutcomeLabels[row.forecast.outcome] : "—"),
    },
    {
      id: "expected",
      header: "Expected ARR",
      align: "end",
      cell: (row) => <Money cents={row.forecast?.expectedArrCents} currency={currency} />,
    },
    {
      id: "change",
      header: "Change on the week before",
      align: "end",
      cell: (row) =>
        row.arrChangeCents === null || row.arrChangeCents === 0 ? (
          <span className="renewals-muted">{row.arrChangeCents === 0 ? "No change" : "—"}</span>
        ) : (
          <>
            {row.arrChangeCents > 0 ? "+" : "−"}
            <Money cents={Math.abs(row.arrChangeCents)} currency={currency} />
          </>
        ),
    },
    {
      id: "entered",
      header: "Entered",
      cell: (row) =>
        row.forecast === null ? (
          <span className="renewals-muted">No forecast</span>
        ) : row.carried ? (
          <span className="renewals-muted">Carried from week {row.forecast.week}</span>
        ) : (
          "This week"
        ),
    },
  ];
}

/** R-5: the weekly forecast history, the data forecast beside the AE's call, and this week's entry. */
export function ForecastCard({ renewal, onNotice, onReload }: CardProps) {
  const { weekly, dataForecast, latestForecast, currency } = renewal;
  // Newest first in the table; oldest first on the chart's time axis.
  const newestFirst = [...weekly].reverse();
  return (
    <Card title="Forecast">
      <div className="renewals-grid">
        <section aria-label="The AE's call">
          <h4>The AE's call</h4>
          {latestForecast ? (
            <p>
              {renewalOutcomeLabels[latestForecast.outcome]},{" "}
              <Money cents={latestForecast.expectedArrCents} currency={currency} /> expected (week{" "}
              {latestForecast.week}).
            </p>
          ) : (
            <p className="renewals-muted">No forecast yet.</p>
          )}
        </section>
        <section aria-label="Data forecast">
          <h4>Data forecast</h4>
          {dataForecast ? (
            <>
              <p>
                <Money cents={dataForecast.expectedArrCents} currency={currency} /> expected (
                {percentText(dataForecast.retention)} retained).
              </p>
              <p className="renewals-muted">{dataForecast.basis}</p>
            </>
          ) : (
            <p className="renewals-muted">Not enough processed renewals like this one to forecast from.</p>
          )}
        </section>
      </div>

      {weekly.length > 0 && (
        <ForecastChart
          points={weekly.map((row) => ({
            week: row.week,
            expectedArrCents: row.forecast?.expectedArrCents ?? null,
            carried: row.carried,
          }))}
          currency={currency}
          arrAtStakeCents={renewal.arrAtStakeCents}
        />
      )}
      <DataTable
        caption="Forecast by week"
        rowNoun={{ one: "week", other: "weeks" }}
        columns={weeklyColumns(currency)}
        rows={newestFirst}
        getRowId={(row) => row.week}
        filterable={false}
        density="compact"
        emptyMessage="No forecast weeks yet: the weekly forecast starts with the renewal plan."
      />

      {renewal.actions.forecast && (
        <ForecastForm key={renewal.version} renewal={renewal} onNotice={onNotice} onReload={onReload} />
      )}
    </Card>
  );
}

function ForecastForm({ renewal, onNotice, onReload }: CardProps) {
  const queryClient = useQueryClient();
  const latest = renewal.latestForecast;
  const [outcome, setOutcome] = useState<RenewalOutcome | "">(
    latest?.outcome ?? renewal.plan?.projectedOutcome ?? "",
  );
  const [arr, setArr] = useState(
    dollarsText(latest?.expectedArrCents ?? renewal.plan?.expectedArrCents ?? renewal.arrAtStakeCents),
  );
  const [seats, setSeats] = useState(String(latest?.expectedSeats ?? renewal.seatsAtStake));
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const forecastOptions = renewalMutations.forecast(queryClient);
  const save = useMutation({
    ...forecastOptions,
    onSuccess: (...args) => {
      onNotice("This week's forecast is saved.");
      return forecastOptions.onSuccess?.(...args);
    },
  });
  const failure = save.error ? describeWriteError(save.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = centsOfDollars(arr);
    const seatCount = /^\d+$/.test(seats.trim()) ? Number(seats) : null;
    const found: Record<string, string> = {};
    if (outcome === "") found.outcome = "Choose the outcome";
    if (cents === null) found.expectedArrCents = "Enter the expected ARR in dollars";
    else if (outcome === "full_churn" && cents !== 0)
      found.expectedArrCents = "A full churn leaves no ARR: enter 0";
    if (seatCount === null) found.expectedSeats = "Enter a whole number of seats";
    setProblems(found);
    if (outcome === "" || cents === null || seatCount === null || Object.keys(found).length > 0) return;
    save.mutate({
      id: renewal.id,
      body: {
        outcome,
        expectedArrCents: cents,
        expectedSeats: seatCount,
        ...(note.trim() && { note: note.trim() }),
      },
    });
  };

  return (
    <form className="renewals-form" aria-label="This week's forecast" onSubmit={submit} noValidate>
      <h4>This week's forecast</h4>
      <div className="renewals-form__row">
        <Select
          label="Outcome"
          options={outcomeOptions}
          placeholder="Choose…"
          value={outcome}
          onValueChange={setOutcome}
          required
          error={problems.outcome ?? failure?.fields.outcome}
        />
        <TextInput
          label="Expected ARR ($)"
          inputMode="decimal"
          value={arr}
          onChange={(event) => setArr(event.target.value)}
          required
          error={problems.expectedArrCents ?? failure?.fields.expectedArrCents}
        />
        <TextInput
          label="Expected seats"
          inputMode="numeric"
          value={seats}
          onChange={(event) => setSeats(event.target.value)}
          required
          error={problems.expectedSeats ?? failure?.fields.expectedSeats}
        />
      </div>
      <TextArea
        label="Note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        error={failure?.fields.note}
      />
      {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
      <div className="renewals-form__row">
        <Button type="submit" variant="primary" size="sm" loading={save.isPending}>
          Save this week's forecast
        </Button>
      </div>
    </form>
  );
}
