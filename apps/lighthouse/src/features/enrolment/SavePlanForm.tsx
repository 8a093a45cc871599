import { describeWriteError, todayIso } from "@keel/app-kit";
import { type EnrolmentDetail, lighthouseMutations, usersQuery } from "@keel/client";
import {
  type FlagMeasure,
  flagMeasureIds,
  flagMeasures,
  type NumericMeasure,
  numericMeasureIds,
  numericMeasures,
  type SuccessCriterion,
} from "@keel/domain";
import { Button, Select, type SelectOption, TextArea, TextInput } from "@keel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

type Kind = NumericMeasure | FlagMeasure | "healthCategory" | "manual";
type Step = { title: string; ownerId: string; dueOn: string };
type Row = {
  kind: Kind;
  comparison: "atLeast" | "atMost";
  threshold: string;
  category: "green" | "yellow";
  flag: "yes" | "no";
  description: string;
  steps: Step[];
};

const kindOptions: SelectOption<Kind>[] = [
  ...numericMeasureIds.map((id) => ({ value: id, label: numericMeasures[id].label })),
  { value: "healthCategory", label: "Health category" },
  ...flagMeasureIds.map((id) => ({ value: id, label: flagMeasures[id].label })),
  { value: "manual", label: "Checked by a person (manual)" },
];

function rowOf(criterion: SuccessCriterion, steps: Step[]): Row {
  const base: Row = {
    kind: "manual",
    comparison: "atLeast",
    threshold: "",
    category: "green",
    flag: "yes",
    description: "",
    steps,
  };
  if (criterion.kind === "manual") return { ...base, description: criterion.description };
  if (criterion.measure === "healthCategory")
    return { ...base, kind: "healthCategory", category: criterion.category };
  if (criterion.comparison === "is")
    return { ...base, kind: criterion.measure, flag: criterion.value ? "yes" : "no" };
  return {
    ...base,
    kind: criterion.measure,
    comparison: criterion.comparison,
    threshold: String(criterion.threshold),
  };
}

function criterionOf(row: Row): unknown {
  if (row.kind === "manual") return { kind: "manual", description: row.description };
  if (row.kind === "healthCategory")
    return { kind: "bound", measure: "healthCategory", comparison: "atLeast", category: row.category };
  if (row.kind in flagMeasures)
    return { kind: "bound", measure: row.kind, comparison: "is", value: row.flag === "yes" };
  return { kind: "bound", measure: row.kind, comparison: row.comparison, threshold: Number(row.threshold) };
}

/**
 * LH-2: write the Account Save Plan — problem, goal, and each success criterion (bound to a
 * measure, so it checks itself, or checked by a person) with its steps (each becomes a task).
 */
export function SavePlanForm({
  enrolment,
  onDone,
  onReload,
}: {
  enrolment: EnrolmentDetail;
  onDone: () => void;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const save = useMutation(lighthouseMutations.savePlan(queryClient));
  const people = useQuery(usersQuery());
  const [problem, setProblem] = useState(enrolment.plan?.problem ?? "");
  const [goal, setGoal] = useState(enrolment.plan?.goal ?? "");
  const [rows, setRows] = useState<Row[]>(() =>
    enrolment.criteria.length > 0
      ? enrolment.criteria.map((c) =>
          rowOf(
            c.definition,
            c.steps.map((s) => ({ title: s.title, ownerId: s.owner?.id ?? "", dueOn: s.dueOn })),
          ),
        )
      : [rowOf({ kind: "manual", description: "" }, [])],
  );
  const failure = save.error ? describeWriteError(save.error, "this enrolment") : null;
  const ownerOptions: SelectOption<string>[] = (people.data?.items ?? []).map(
    (p: { id: string; name: string }) => ({
      value: p.id,
      label: p.name,
    }),
  );
  const change = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: enrolment.id,
        version: enrolment.version,
        body: {
          problem,
          goal,
          criteria: rows.map((row) => ({ criterion: criterionOf(row), steps: row.steps })),
        } as never,
      },
      { onSuccess: onDone },
    );
  };
  const fieldError = (path: string) => failure?.fields[path];
  return (
    <form className="lighthouse-form" aria-label="Account Save Plan" onSubmit={submit}>
      <TextArea
        label="Problem statement"
        rows={3}
        required
        value={problem}
        error={fieldError("problem")}
        onChange={(e) => setProblem(e.target.value)}
      />
      <TextArea
        label="Goal"
        rows={2}
        required
        value={goal}
        error={fieldError("goal")}
        onChange={(e) => setGoal(e.target.value)}
      />
      <fieldset className="lighthouse-fieldset">
        <legend>Success criteria</legend>
        {rows.map((row, index) => (
          <fieldset key={index} className="lighthouse-criterion-row">
            <legend className="lighthouse-visually-hidden">{`Criterion ${index + 1}`}</legend>
            <Select
              label={`Criterion ${index + 1}`}
              options={kindOptions}
              value={row.kind}
              onValueChange={(kind) => kind && change(index, { kind })}
            />
            {row.kind === "manual" && (
              <TextInput
                label="What must be true"
                value={row.description}
                required
                error={fieldError(`criteria.${index}.criterion.description`)}
                onChange={(e) => change(index, { description: e.target.value })}
              />
            )}
            {row.kind in numericMeasures && (
              <>
                <Select
                  label="Needs"
                  options={[
                    { value: "atLeast", label: "At least" },
                    { value: "atMost", label: "At most" },
                  ]}
                  value={row.comparison}
                  onValueChange={(comparison) => comparison && change(index, { comparison })}
                />
                <TextInput
                  label="Threshold"
                  inputMode="decimal"
                  value={row.threshold}
                  required
                  error={fieldError(`criteria.${index}.criterion.threshold`)}
                  onChange={(e) => change(index, { threshold: e.target.value })}
                />
              </>
            )}
            {row.kind === "healthCategory" && (
              <Select
                label="At least"
                options={[
                  { value: "green", label: "Green" },
                  { value: "yellow", label: "Yellow" },
                ]}
                value={row.category}
                onValueChange={(category) => category && change(index, { category })}
              />
            )}
            {row.kind in flagMeasures && (
              <Select
                label="Should be"
                options={[
                  { value: "yes", label: "Yes" },
                  { value: "no", label: "No" },
                ]}
                value={row.flag}
                onValueChange={(flag) => flag && change(index, { flag })}
              />
            )}
            {row.steps.map((step, stepIndex) => (
              <fieldset key={stepIndex} className="lighthouse-step-row">
                <legend className="lighthouse-visually-hidden">{`Step ${stepIndex + 1}`}</legend>
                <TextInput
                  label="Step"
                  value={step.title}
                  required
                  onChange={(e) =>
                    change(index, {
                      steps: row.steps.map((s, i) => (i === stepIndex ? { ...s, title: e.target.value } : s)),
                    })
                  }
                />
                <Select
                  label="Owner"
                  options={ownerOptions}
                  placeholder="Choose a person"
                  value={step.ownerId}
                  onValueChange={(ownerId) =>
                    change(index, {
                      steps: row.steps.map((s, i) => (i === stepIndex ? { ...s, ownerId } : s)),
                    })
                  }
                />
                <TextInput
                  label="Due"
                  type="date"
                  value={step.dueOn}
                  required
                  onChange={(e) =>
                    change(index, {
                      steps: row.steps.map((s, i) => (i === stepIndex ? { ...s, dueOn: e.target.value } : s)),
                    })
                  }
                />
              </fieldset>
            ))}
            <div className="lighthouse-row-actions">
              <Button
                size="sm"
                onClick={() =>
                  change(index, { steps: [...row.steps, { title: "", ownerId: "", dueOn: todayIso() }] })
                }
              >
                Add a step
              </Button>
              {rows.length > 1 && (
                <Button size="sm" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  Remove this criterion
                </Button>
              )}
            </div>
          </fieldset>
        ))}
        <Button size="sm" onClick={() => setRows([...rows, rowOf({ kind: "manual", description: "" }, [])])}>
          Add a criterion
        </Button>
      </fieldset>
      {failure && (
        <div role="alert" className="lighthouse-error">
          <p>{failure.message}</p>
          {Object.entries(failure.fields).length > 0 && (
            <ul>
              {Object.entries(failure.fields).map(([path, message]) => (
                <li key={path}>{message}</li>
              ))}
            </ul>
          )}
          {failure.kind === "stale" && (
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
          )}
        </div>
      )}
      <div className="lighthouse-row-actions">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save the plan"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
