import { type RenewalDetail, renewalMutations } from "@keel/client";
import { type RenewalOutcome, renewalOutcomeLabels } from "@keel/domain";
import { Button, Card, DateText, Money, Select, TextArea, TextInput } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { centsOfDollars, dollarsText } from "../renewals/renewal-text.ts";
import { outcomeOptions } from "./outcome-options.ts";
import { describeWriteError, WriteErrorNotice } from "./write-error.tsx";

type CardProps = { renewal: RenewalDetail; onNotice: (text: string) => void; onReload: () => void };

/** the AE's renewal plan — the projected outcome and the ARR expected from it. */
export function PlanCard({ renewal, onNotice, onReload }: CardProps) {
  const { plan } = renewal;
  return (
    <Card title="Renewal plan">
      {plan === null ? (
        <p className="renewals-muted">No plan yet.</p>
      ) : (
        <>
          <dl className="renewals-facts">
            <div>
              <dt>Projected outcome</dt>
              <dd>{renewalOutcomeLabels[plan.projectedOutcome]}</dd>
            </div>
            <div>
              <dt>Expected ARR</dt>
              <dd>
                <Money cents={plan.expectedArrCents} currency={renewal.currency} />
              </dd>
            </div>
            <div>
              <dt>Updated</dt>
              <dd>
                {plan.updatedBy?.name ?? "Unknown"}, <DateText value={plan.updatedAt} />
              </dd>
            </div>
          </dl>
          {plan.note && <p className="renewals-summary">{plan.note}</p>}
        </>
      )}
      {renewal.actions.plan && (
        <PlanForm key={renewal.version} renewal={renewal} onNotice={onNotice} onReload={onReload} />
      )}
    </Card>
  );
}

function PlanForm({ renewal, onNotice, onReload }: CardProps) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<RenewalOutcome | "">(renewal.plan?.projectedOutcome ?? "");
  const [arr, setArr] = useState(dollarsText(renewal.plan?.expectedArrCents ?? renewal.arrAtStakeCents));
  const [note, setNote] = useState(renewal.plan?.note ?? "");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const planOptions = renewalMutations.plan(queryClient);
  const save = useMutation({
    ...planOptions,
    onSuccess: (...args) => {
      onNotice("Renewal plan saved.");
      return planOptions.onSuccess?.(...args);
    },
  });
  const failure = save.error ? describeWriteError(save.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = centsOfDollars(arr);
    const found: Record<string, string> = {};
    if (outcome === "") found.projectedOutcome = "Choose the projected outcome";
    if (cents === null) found.expectedArrCents = "Enter the expected ARR in dollars, e.g. 120000";
    else if (outcome === "full_churn" && cents !== 0)
      found.expectedArrCents = "A full churn leaves no ARR: enter 0";
    setProblems(found);
    if (outcome === "" || cents === null || Object.keys(found).length > 0) return;
    save.mutate({
      id: renewal.id,
      version: renewal.version,
      body: { projectedOutcome: outcome, expectedArrCents: cents, ...(note.trim() && { note: note.trim() }) },
    });
  };

  return (
    <form className="renewals-form" aria-label="Renewal plan" onSubmit={submit} noValidate>
      <div className="renewals-form__row">
        <Select
          label="Projected outcome"
          options={outcomeOptions}
          placeholder="Choose…"
          value={outcome}
          onValueChange={setOutcome}
          required
          error={problems.projectedOutcome ?? failure?.fields.projectedOutcome}
        />
        <TextInput
          label="Expected ARR ($)"
          inputMode="decimal"
          value={arr}
          onChange={(event) => setArr(event.target.value)}
          required
          error={problems.expectedArrCents ?? failure?.fields.expectedArrCents}
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
          Save plan
        </Button>
      </div>
    </form>
  );
}
