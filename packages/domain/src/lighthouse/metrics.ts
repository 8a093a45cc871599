import { quarterOf } from "../renewals/forecast.ts";
import type { RenewalPolicy } from "../renewals/policy.ts";
import { daysInProgram, type ExitOutcome } from "./enrolment.ts";

/** One enrolment as the program's metrics read it. */
export type MetricsEnrolment = {
  enteredOn: string;
  exit: { outcome: ExitOutcome; on: string } | null;
  /** The account's ARR now (in the program) or when it left. */
  arrCents: number;
  /**
   * For an exit, the ARR its renewal kept and lost, when a renewal was processed during or after
   * the stay (null when none has been).
   */
  renewal: { arrBeforeCents: number; arrAfterCents: number } | null;
};

export type LighthouseMetrics = {
  inProgram: number;
  enteredThisQuarter: number;
  /** Saved ÷ (saved + churned); withdrawn stays out. Null before any such exit. */
  saveRate: number | null;
  /** Of exited enrolments; null before the first exit. */
  medianDaysInProgram: number | null;
  arrInProgramCents: number;
  /** Of exited accounts whose renewal was processed: ARR kept, and ARR lost. */
  arrSavedCents: number;
  arrLostCents: number;
  exits: Record<ExitOutcome, number>;
};

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * LH-5 / SPEC §11: the program in figures as of `today` — how many accounts are in, how many came
 * in this quarter, how many of those that left were saved, how long a stay lasts, and the ARR at
 * stake, kept and lost (joined with renewal outcomes).
 */
export function lighthouseMetrics(
  enrolments: readonly MetricsEnrolment[],
  today: string,
  renewalPolicy: RenewalPolicy,
): LighthouseMetrics {
  const quarter = quarterOf(today, renewalPolicy);
  const open = enrolments.filter((e) => e.enteredOn <= today && (e.exit === null || e.exit.on > today));
  const exited = enrolments.filter((e) => e.exit !== null && e.exit.on <= today);
  const exits: Record<ExitOutcome, number> = { saved: 0, churned: 0, withdrawn: 0 };
  for (const e of exited) exits[e.exit!.outcome] += 1;
  const decided = exits.saved + exits.churned;
  let arrSavedCents = 0;
  let arrLostCents = 0;
  for (const e of exited) {
    if (!e.renewal) continue;
    arrSavedCents += Math.min(e.renewal.arrAfterCents, e.renewal.arrBeforeCents);
    arrLostCents += Math.max(0, e.renewal.arrBeforeCents - e.renewal.arrAfterCents);
  }
  return {
    inProgram: open.length,
    enteredThisQuarter: enrolments.filter(
      (e) => e.enteredOn <= today && quarterOf(e.enteredOn, renewalPolicy) === quarter,
    ).length,
    saveRate: decided === 0 ? null : exits.saved / decided,
    medianDaysInProgram: median(exited.map((e) => daysInProgram(e.enteredOn, e.exit!.on))),
    arrInProgramCents: open.reduce((sum, e) => sum + e.arrCents, 0),
    arrSavedCents,
    arrLostCents,
    exits,
  };
}
