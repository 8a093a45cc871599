import { type RenewalOutcome, renewalOutcomeLabels, renewalOutcomes } from "@keel/domain";
import type { SelectOption } from "@keel/ui";

export const outcomeOptions: SelectOption<RenewalOutcome>[] = renewalOutcomes.map((outcome) => ({
  value: outcome,
  label: renewalOutcomeLabels[outcome],
}));
