import { type RenewalDetail, renewalMutations } from "@keel/client";
import {
  type ClosedLostCategory,
  closedLostCategories,
  closedLostCategoryLabels,
  closedLostCategorySchema,
  isChurn,
  type RenewalOutcome,
  renewalOutcomeLabels,
} from "@keel/domain";
import { Button, Card, DateText, Money, Select, type SelectOption, TextArea, TextInput } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { centsOfDollars, dollarsText } from "../renewals/renewal-text.ts";
import { outcomeOptions } from "./outcome-options.ts";
import { describeWriteError, WriteErrorNotice } from "./write-error.tsx";

type CardProps = { renewal: RenewalDetail; onNotice: (text: string) => void; onReload: () => void };

const categoryOptions: SelectOption<ClosedLostCategory>[] = closedLostCategories.map((category) => ({
  value: category,
  label: closedLostCategoryLabels[category],
}));

const categoryLabel = (category: string | null) =>
  category === null
    ? "—"
    : (closedLostCategoryLabels[closedLostCategorySchema.safeParse(category).data ?? "other"] ?? category);

/** the processed outcome, or the form that records it (with a summary to confirm first). */
export function ProcessCard({ renewal, onNotice, onReload }: CardProps) {
  if (renewal.outcome !== null) {
    return (
      <Card title="Outcome">
        <dl className="renewals-facts">
          <div>
            <dt>Outcome</dt>
            <dd>{renewalOutcomeLabels[renewal.outcome]}</dd>
          </div>
          <div>
            <dt>ARR</dt>
            <dd>
              <Money cents={renewal.arrAtStakeCents} currency={renewal.currency} /> →{" "}
              <Money cents={renewal.arrAfterCents} currency={renewal.currency} />
            </dd>
          </div>
          <div>
            <dt>Seats</dt>
            <dd>
              {renewal.seatsAtStake} → {renewal.seatsAfter ?? "—"}
            </dd>
          </div>
          <div>
            <dt>Processed</dt>
            <dd>
              {renewal.processedBy?.name ?? "Unknown"}, <DateText value={renewal.processedAt} />
            </dd>
          </div>
          <div>
            <dt>Next renewal</dt>
            <dd>
              <DateText value={renewal.nextRenewalDate} fallback="None (the account churned)" />
            </dd>
          </div>
          {renewal.closedLostCategory && (
            <div>
              <dt>Closed-lost category</dt>
              <dd>{categoryLabel(renewal.closedLostCategory)}</dd>
            </div>
          )}
        </dl>
        {renewal.churnReason && <p className="renewals-summary">{renewal.churnReason}</p>}
      </Card>
    );
  }
  if (!renewal.actions.process) return null;
  return (
    <Card title="Process the renewal">
      <ProcessForm key={renewal.version} renewal={renewal} onNotice={onNotice} onReload={onReload} />
    </Card>
  );
}

type Draft = {
  outcome: RenewalOutcome;
  arrAfterCents: number;
  seatsAfter: number;
  closedLostCategory?: ClosedLostCategory;
  churnReason?: string;
};

function ProcessForm({ renewal, onNotice, onReload }: CardProps) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<RenewalOutcome | "">(renewal.latestForecast?.outcome ?? "");
  const [arr, setArr] = useState(
    dollarsText(renewal.latestForecast?.expectedArrCents ?? renewal.arrAtStakeCents),
  );
  const [seats, setSeats] = useState(String(renewal.latestForecast?.expectedSeats ?? renewal.seatsAtStake));
  const [category, setCategory] = useState<ClosedLostCategory | "">("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft | null>(null);
  const processOptions = renewalMutations.process(queryClient);
  const process = useMutation({
    ...processOptions,
    onSuccess: (...args) => {
      onNotice("The renewal is processed. The account has its new ARR, seats and next renewal date.");
      return processOptions.onSuccess?.(...args);
    },
  });
  const failure = process.error ? describeWriteError(process.error) : null;
  const churn = outcome !== "" && isChurn(outcome);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const cents = centsOfDollars(arr);
    const seatCount = /^\d+$/.test(seats.trim()) ? Number(seats) : null;
    const found: Record<string, string> = {};
    if (outcome === "") found.outcome = "Choose the outcome";
    if (cents === null) found.arrAfterCents = "Enter the ARR after the renewal in dollars";
    else if (outcome === "full_churn" && cents !== 0)
      found.arrAfterCents = "A full churn leaves no ARR: enter 0";
    if (seatCount === null) found.seatsAfter = "Enter a whole number of seats";
    if (churn && category === "") found.closedLostCategory = "Choose the closed-lost category";
    if (churn && reason.trim() === "") found.churnReason = "Say why the customer churned";
    setProblems(found);
    if (outcome === "" || cents === null || seatCount === null || Object.keys(found).length > 0) return;
    process.reset();
    setDraft({
      outcome,
      arrAfterCents: cents,
      seatsAfter: seatCount,
      ...(churn && category !== "" && { closedLostCategory: category, churnReason: reason.trim() }),
    });
  };

  if (draft) {
    const arrLost = renewal.arrAtStakeCents - draft.arrAfterCents;
    return (
      <section className="renewals-form" aria-label="Confirm the outcome">
        <p>Check the outcome before recording it: it cannot be changed afterwards.</p>
        <dl className="renewals-facts">
          <div>
            <dt>Outcome</dt>
            <dd>{renewalOutcomeLabels[draft.outcome]}</dd>
          </div>
          <div>
            <dt>ARR</dt>
            <dd>
              <Money cents={renewal.arrAtStakeCents} currency={renewal.currency} /> →{" "}
              <Money cents={draft.arrAfterCents} currency={renewal.currency} />
              {arrLost > 0 && (
                <>
                  {" "}
                  (<Money cents={arrLost} currency={renewal.currency} /> lost)
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Seats</dt>
            <dd>
              {renewal.seatsAtStake} → {draft.seatsAfter}
            </dd>
          </div>
          {draft.closedLostCategory && (
            <div>
              <dt>Closed-lost category</dt>
              <dd>{closedLostCategoryLabels[draft.closedLostCategory]}</dd>
            </div>
          )}
        </dl>
        {draft.churnReason && <p className="renewals-summary">{draft.churnReason}</p>}
        {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
        <div className="renewals-form__row">
          <Button
            variant="primary"
            size="sm"
            loading={process.isPending}
            onClick={() => process.mutate({ id: renewal.id, version: renewal.version, body: draft })}
          >
            Record the outcome
          </Button>
          <Button size="sm" onClick={() => setDraft(null)} disabled={process.isPending}>
            Back to edit
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form className="renewals-form" aria-label="Process the renewal" onSubmit={review} noValidate>
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
          label="ARR after ($)"
          inputMode="decimal"
          value={arr}
          onChange={(event) => setArr(event.target.value)}
          required
          error={problems.arrAfterCents ?? failure?.fields.arrAfterCents}
        />
        <TextInput
          label="Seats after"
          inputMode="numeric"
          value={seats}
          onChange={(event) => setSeats(event.target.value)}
          required
          error={problems.seatsAfter ?? failure?.fields.seatsAfter}
        />
      </div>
      {churn && (
        <>
          <Select
            label="Closed-lost category"
            options={categoryOptions}
            placeholder="Choose…"
            value={category}
            onValueChange={setCategory}
            required
            error={problems.closedLostCategory ?? failure?.fields.closedLostCategory}
          />
          <TextArea
            label="Churn reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            error={problems.churnReason ?? failure?.fields.churnReason}
          />
        </>
      )}
      {failure && <WriteErrorNotice failure={failure} onReload={onReload} />}
      <div className="renewals-form__row">
        <Button type="submit" variant="primary" size="sm">
          Review the outcome
        </Button>
      </div>
    </form>
  );
}
