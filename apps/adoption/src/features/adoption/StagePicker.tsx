import { type LifecycleStage, lifecycleStageLabels, lifecycleStages } from "@keel/domain";
import { StagePill } from "@keel/ui";

export interface StagePickerProps {
  selected: LifecycleStage;
  onSelect: (stage: LifecycleStage) => void;
  /** Accounts per stage; `undefined` while a count is loading. */
  counts: Partial<Record<LifecycleStage, number>>;
}

/** One tile per lifecycle stage (L-1…L-5) with its account count; picks the stage to list. */
export function StagePicker({ selected, onSelect, counts }: StagePickerProps) {
  return (
    <fieldset className="adoption-stages">
      <legend className="keel-visually-hidden">Lifecycle stage</legend>
      {lifecycleStages.map((stage) => {
        const count = counts[stage];
        return (
          <button
            key={stage}
            type="button"
            className="adoption-stage"
            aria-pressed={stage === selected}
            onClick={() => onSelect(stage)}
          >
            <StagePill stage={stage} />
            <span className="adoption-stage__count">
              {count === undefined ? (
                <span className="adoption-stage__pending">
                  <span aria-hidden="true">…</span>
                  <span className="keel-visually-hidden">Loading</span>
                </span>
              ) : (
                count.toLocaleString("en-US")
              )}
            </span>
            <span className="adoption-stage__noun">
              {count === 1 ? "account" : "accounts"}
              <span className="keel-visually-hidden"> in {lifecycleStageLabels[stage]}</span>
            </span>
          </button>
        );
      })}
    </fieldset>
  );
}
