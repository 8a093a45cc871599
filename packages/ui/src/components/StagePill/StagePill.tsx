import { type LifecycleStage, lifecycleStageLabels, lifecycleStageSchema } from "@keel/domain";
import { cx } from "../../internal/cx.ts";

export interface StagePillProps {
  stage: LifecycleStage;
  /** Hide the small progress marks when space is tight; the label alone still says it all. */
  showProgress?: boolean;
  className?: string;
}

const stageOrder = lifecycleStageSchema.options;

export function StagePill({ stage, showProgress = true, className }: StagePillProps) {
  const position = stageOrder.indexOf(stage);
  return (
    <span className={cx("keel-badge", "keel-stage", `keel-stage--${stage}`, className)}>
      {showProgress && (
        <span className="keel-stage__steps" aria-hidden="true">
          {stageOrder.map((step, index) => (
            <span
              key={step}
              className={cx("keel-stage__step", index <= position && "keel-stage__step--done")}
            />
          ))}
        </span>
      )}
      {lifecycleStageLabels[stage]}
    </span>
  );
}
