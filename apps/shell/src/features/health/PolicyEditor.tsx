import {
  isApiRequestError,
  type MutationData,
  policyMutations,
  policyQueries,
  queryKeys,
} from "@keel/client";
import {
  type HealthCategory,
  type HealthPolicyDraft,
  healthCategories,
  type TraitId,
  type TraitRule,
  traitLabels,
} from "@keel/domain";
import { Button, DataTable, type DataTableColumn, HealthBadge, Select, TextInput } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { describeError, draftOf, type ErrorReport, opLabels, type PolicyView } from "./policy-draft.ts";

type Preview = MutationData<ReturnType<typeof policyMutations.preview>>;
type Published = MutationData<ReturnType<typeof policyMutations.publish>>;
type Changed = Preview["changed"][number];

const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));

const changedColumns: DataTableColumn<Changed>[] = [
  {
    id: "name",
    header: "Account",
    cell: (row) => <Link to={`/accounts/${row.id}`}>{row.name}</Link>,
    sortValue: (row) => row.name,
    filterValue: (row) => row.name,
  },
  {
    id: "change",
    header: "From → To",
    cell: (row) => (
      <span className="health-arrow">
        <HealthBadge category={row.from} />
        <span aria-hidden="true">→</span>
        <span className="keel-visually-hidden">to</span>
        <HealthBadge category={row.to} />
      </span>
    ),
    sortValue: (row) => `${row.from}-${row.to}`,
  },
  {
    id: "score",
    header: "Score before → after",
    align: "end",
    cell: (row) => `${score(row.scoreBefore)} → ${score(row.scoreAfter)}`,
    sortValue: (row) => (row.scoreAfter ?? 0) - (row.scoreBefore ?? 0),
  },
];

function numberFrom(value: string): number {
  return value === "" ? Number.NaN : Number(value);
}

function ErrorBox({ report }: { report: ErrorReport }) {
  return (
    <div className="policy-error" role="alert">
      <strong>{report.message}</strong>
      {report.details.length > 0 && (
        <ul>
          {report.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** what-if counts per category, before → after, and the accounts that change category. */
export function PreviewResult({ preview }: { preview: Preview }) {
  return (
    <section aria-label="What-if preview" className="policy-preview">
      <h3 className="health-section__title">
        What-if over {preview.accounts.toLocaleString("en-US")} accounts:{" "}
        {preview.changedCount.toLocaleString("en-US")} change category
      </h3>
      <table className="preview-counts">
        <caption className="keel-visually-hidden">Accounts per category, before and after</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Now (v{preview.inForceVersion})</th>
            <th scope="col">With this draft</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {healthCategories.map((category: HealthCategory) => {
            const delta = preview.after[category] - preview.before[category];
            return (
              <tr key={category} data-category={category}>
                <th scope="row">
                  <HealthBadge category={category} />
                </th>
                <td>{preview.before[category]}</td>
                <td>{preview.after[category]}</td>
                <td>{delta > 0 ? `+${delta}` : delta}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <DataTable
        caption="Accounts that change category"
        rowNoun={{ one: "account", other: "accounts" }}
        columns={changedColumns}
        rows={preview.changed}
        getRowId={(row) => row.id}
        defaultSort={{ columnId: "name", direction: "asc" }}
        filterPlaceholder="Filter by account name"
        emptyMessage="No account changes category under this draft"
        density="compact"
      />
    </section>
  );
}

/**
 * A policy version's editor: weights, bands and numeric thresholds/grading; preview
 * the unsaved draft over the whole book, save it (If-Match) and publish it.
 */
export function PolicyEditor({
  view,
  canPublish,
  onPublished,
}: {
  view: PolicyView;
  canPublish: boolean;
  onPublished?: (result: Published) => void;
}) {
  const queryClient = useQueryClient();
  const editable = view.status === "draft";
  const [draft, setDraft] = useState<HealthPolicyDraft>(() => draftOf(view.policy));
  const [error, setError] = useState<ErrorReport | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [confirming, setConfirming] = useState(false);
  // The revision this editor last saw; the list catches up after a refetch.
  const [revision, setRevision] = useState(view.revision);
  const preview = useMutation(policyMutations.preview());
  const save = useMutation(policyMutations.updateDraft(queryClient));
  const publish = useMutation(policyMutations.publish(queryClient));

  const update = (change: (draft: HealthPolicyDraft) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
  };
  const setRule = (id: TraitId, rule: TraitRule) =>
    update((next) => {
      next.traits[id] = rule;
    });

  const runPreview = () => {
    setError(null);
    preview.mutate(
      { version: view.version, draft: editable ? draft : undefined },
      { onError: (failure) => setError(describeError(failure)) },
    );
  };

  const runSave = () => {
    setError(null);
    setNotice(null);
    save.mutate(
      { version: view.version, revision, draft },
      {
        onSuccess: (saved) => {
          setRevision(saved.revision);
          setNotice(`Saved draft v${saved.version} (revision ${saved.revision}).`);
        },
        onError: async (failure) => {
          if (isApiRequestError(failure) && failure.status === 412) {
            setError({
              message: "Someone else saved this draft; reloaded. Make your changes again.",
              details: [],
            });
            await queryClient.invalidateQueries({ queryKey: queryKeys.policies.all });
            const fresh = await queryClient.fetchQuery(policyQueries.detail(view.version));
            setRevision(fresh.revision);
            setDraft(draftOf(fresh.policy));
            return;
          }
          setError(describeError(failure));
        },
      },
    );
  };

  const runPublish = () => {
    setError(null);
    publish.mutate(view.version, {
      onSuccess: (result) => {
        setConfirming(false);
        onPublished?.(result);
      },
      onError: (failure) => {
        setConfirming(false);
        setError(describeError(failure));
      },
    });
  };

  const numericTraits = Object.entries(draft.traits).filter(
    (entry): entry is [TraitId, Extract<TraitRule, { kind: "numeric" }>] => entry[1]?.kind === "numeric",
  );
  const totalWeight = draft.categories.reduce((sum, category) => sum + (category.weight || 0), 0);

  return (
    <div className="policy-layout">
      <form
        className="policy-form"
        aria-label={`Policy v${view.version}`}
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <fieldset disabled={!editable}>
          <legend>Name</legend>
          <TextInput
            label="Policy name"
            value={draft.name}
            onChange={(event) =>
              update((next) => {
                next.name = event.target.value;
              })
            }
          />
        </fieldset>

        <fieldset disabled={!editable}>
          <legend>Category weights (H-1)</legend>
          <div className="policy-form__grid">
            {draft.categories.map((category, index) => (
              <TextInput
                key={category.id}
                label={`${category.label} weight`}
                type="number"
                min={0}
                max={100}
                step="any"
                value={Number.isNaN(category.weight) ? "" : category.weight}
                onChange={(event) =>
                  update((next) => {
                    const target = next.categories[index];
                    if (target) target.weight = numberFrom(event.target.value);
                  })
                }
              />
            ))}
          </div>
          <p className="shell-muted">
            Weights add up to {Math.round(totalWeight * 100) / 100}; scores use them as shares of the total.
          </p>
        </fieldset>

        <fieldset disabled={!editable}>
          <legend>Bands (H-3)</legend>
          <div className="policy-form__grid">
            <TextInput
              label="Green from"
              type="number"
              min={0}
              max={100}
              step="any"
              value={Number.isNaN(draft.bands.green) ? "" : draft.bands.green}
              onChange={(event) =>
                update((next) => {
                  next.bands.green = numberFrom(event.target.value);
                })
              }
            />
            <TextInput
              label="Yellow from"
              type="number"
              min={0}
              max={100}
              step="any"
              value={Number.isNaN(draft.bands.yellow) ? "" : draft.bands.yellow}
              onChange={(event) =>
                update((next) => {
                  next.bands.yellow = numberFrom(event.target.value);
                })
              }
              hint="Red below"
            />
            <TextInput
              label="Manual traits stale after (days)"
              type="number"
              min={1}
              step={1}
              value={draft.manualTraitStaleAfterDays ?? 60}
              onChange={(event) =>
                update((next) => {
                  next.manualTraitStaleAfterDays = numberFrom(event.target.value);
                })
              }
            />
          </div>
        </fieldset>

        <fieldset disabled={!editable}>
          <legend>Numeric traits (H-2)</legend>
          <table className="policy-traits">
            <thead>
              <tr>
                <th scope="col">Trait</th>
                <th scope="col">Healthy when</th>
                <th scope="col">Poor when</th>
                <th scope="col">Grading</th>
              </tr>
            </thead>
            <tbody>
              {numericTraits.map(([id, rule]) => (
                <tr key={id}>
                  <th scope="row">{traitLabels[id]}</th>
                  <td>
                    <TextInput
                      label={
                        <>
                          <span aria-hidden="true">{opLabels[rule.healthy.op]}</span>
                          <span className="keel-visually-hidden">{`${traitLabels[id]} healthy threshold (${rule.healthy.op})`}</span>
                        </>
                      }
                      type="number"
                      step="any"
                      value={Number.isNaN(rule.healthy.value) ? "" : rule.healthy.value}
                      onChange={(event) =>
                        setRule(id, {
                          ...rule,
                          healthy: { ...rule.healthy, value: numberFrom(event.target.value) },
                        })
                      }
                    />
                  </td>
                  <td>
                    <TextInput
                      label={
                        <>
                          <span aria-hidden="true">{opLabels[rule.poor.op]}</span>
                          <span className="keel-visually-hidden">{`${traitLabels[id]} poor threshold (${rule.poor.op})`}</span>
                        </>
                      }
                      type="number"
                      step="any"
                      value={Number.isNaN(rule.poor.value) ? "" : rule.poor.value}
                      onChange={(event) =>
                        setRule(id, {
                          ...rule,
                          poor: { ...rule.poor, value: numberFrom(event.target.value) },
                        })
                      }
                    />
                  </td>
                  <td>
                    <Select
                      label={<span className="keel-visually-hidden">{`${traitLabels[id]} grading`}</span>}
                      options={[
                        { value: "three-grade", label: "Three grades" },
                        { value: "linear", label: "Linear" },
                      ]}
                      value={rule.grading ?? "three-grade"}
                      onValueChange={(grading) =>
                        setRule(id, { ...rule, grading: grading === "linear" ? "linear" : "three-grade" })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        {error && <ErrorBox report={error} />}
        <p role="status" className={notice ? "shell-note shell-note--success" : "keel-visually-hidden"}>
          {notice}
        </p>

        <div className="policy-actions">
          <Button type="submit" variant={editable ? "secondary" : "primary"} loading={preview.isPending}>
            {preview.isPending ? "Previewing…" : "Preview"}
          </Button>
          {editable && (
            <Button onClick={runSave} loading={save.isPending}>
              Save draft
            </Button>
          )}
          {editable && canPublish && (
            <Button
              variant="primary"
              onClick={() => setConfirming(true)}
              disabled={confirming || publish.isPending}
            >
              Publish
            </Button>
          )}
        </div>

        {confirming && (
          <div
            className="policy-confirm"
            role="alertdialog"
            aria-labelledby="publish-confirm-text"
            aria-modal="false"
          >
            <p id="publish-confirm-text">
              Publish v{view.version} as the policy in force from today? Every account is rescored now; older
              scores keep the version they were computed with. Unsaved edits are not published: save the draft
              first.
            </p>
            <div className="policy-actions">
              <Button variant="danger" onClick={runPublish} loading={publish.isPending}>
                {publish.isPending ? "Publishing and rescoring…" : `Publish v${view.version}`}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)} disabled={publish.isPending}>
                Cancel
              </Button>
            </div>
          </div>
        )}
      </form>

      {preview.data && <PreviewResult preview={preview.data} />}
    </div>
  );
}
