import {
  type EnrolmentSource,
  type EnrolmentState,
  type ExitOutcome,
  enrolmentSourceLabels,
  enrolmentStateLabels,
  enrolmentStates,
  exitOutcomeLabels,
} from "@keel/domain";
import type { SelectOption } from "@keel/ui";

export const stateOptions: SelectOption<EnrolmentState>[] = enrolmentStates.map((state) => ({
  value: state,
  label: enrolmentStateLabels[state],
}));

export const stateText = (state: EnrolmentState, exit: { outcome: ExitOutcome } | null) =>
  exit ? `Exited: ${exitOutcomeLabels[exit.outcome].toLowerCase()}` : enrolmentStateLabels[state];

export const sourceText = (source: EnrolmentSource) => enrolmentSourceLabels[source];

export const criterionStatusText = { met: "Met", unmet: "Not met", unknown: "Waiting for data" } as const;

/** "3 days ago", "today": how long since the last update (X-6: weekly). */
export const ageText = (days: number) =>
  days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
