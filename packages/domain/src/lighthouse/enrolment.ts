import { z } from "zod";
import { daysBetween } from "../dates.ts";
import { type ApprovalSide, approvalSideLabels, approvalSides } from "../renewals/assessment.ts";
import { requiredTextSchema } from "../validation.ts";

/** LH-1: how an account came into the program. */
export const enrolmentSources = ["red_assessment", "ad_hoc"] as const;
export type EnrolmentSource = (typeof enrolmentSources)[number];
export const enrolmentSourceLabels: Record<EnrolmentSource, string> = {
  red_assessment: "Red renewal health assessment",
  ad_hoc: "Entered by hand",
};

/** LH-5: how a stay in the program ended. */
export const exitOutcomes = ["saved", "churned", "withdrawn"] as const;
export type ExitOutcome = (typeof exitOutcomes)[number];
export const exitOutcomeLabels: Record<ExitOutcome, string> = {
  saved: "Saved",
  churned: "Churned",
  withdrawn: "Withdrawn",
};

/**
 * Where an enrolment stands: entered (the save plan is being written) → plan presented (at a
 * program sync, seed 001) → in progress (the TA's weekly updates) → exit proposed (every success
 * criterion met, waiting for both leaderships) → exited, with its outcome.
 */
export const enrolmentStates = [
  "entered",
  "plan_presented",
  "in_progress",
  "exit_proposed",
  "exited",
] as const;
export type EnrolmentState = (typeof enrolmentStates)[number];
export const enrolmentStateLabels: Record<EnrolmentState, string> = {
  entered: "Entered",
  plan_presented: "Plan presented",
  in_progress: "In progress",
  exit_proposed: "Exit proposed",
  exited: "Exited",
};

export type EnrolmentFacts = {
  enteredOn: string;
  /** The first program sync held after the save plan was written (its initial presentation). */
  planPresentedOn: string | null;
  /** Days the TA posted an update on. */
  updateDays: readonly string[];
  criteria: { met: number; total: number };
  exit: { outcome: ExitOutcome; on: string } | null;
};

/** The state of one enrolment, with the reason in words. */
export function enrolmentState(facts: EnrolmentFacts): { state: EnrolmentState; reason: string } {
  if (facts.exit)
    return {
      state: "exited",
      reason: `Exited ${facts.exit.on}: ${exitOutcomeLabels[facts.exit.outcome].toLowerCase()}.`,
    };
  const { met, total } = facts.criteria;
  if (total > 0 && met === total)
    return {
      state: "exit_proposed",
      reason: `Every success criterion is met (${met} of ${total}): Sales and TS leadership decide on the exit.`,
    };
  if (facts.planPresentedOn) {
    const since = facts.updateDays.filter((day) => day >= facts.planPresentedOn!).length;
    return since > 0
      ? {
          state: "in_progress",
          reason: `${met} of ${total} success criteria met; ${since} update(s) since the plan was presented.`,
        }
      : {
          state: "plan_presented",
          reason: `The save plan was presented at the sync of ${facts.planPresentedOn}.`,
        };
  }
  return {
    state: "entered",
    reason: "The TA writes the save plan and presents it at the next program sync.",
  };
}

/** LH-1: an ad-hoc entry says why the account is at risk. */
export const enrolmentEntryInputSchema = z.strictObject({
  accountId: z.uuid(),
  reason: requiredTextSchema(2000),
});
export type EnrolmentEntryInput = z.infer<typeof enrolmentEntryInputSchema>;

/** Days from entry to exit (or to `today` while in the program). */
export function daysInProgram(enteredOn: string, endOn: string): number {
  return Math.max(0, daysBetween(enteredOn, endOn));
}

export type ExitApproval = { side: ApprovalSide; userId: string };

export type ExitApprovalRefusal = {
  /** 403: not leadership; 409: the enrolment is not ready or this approval is already given. */
  status: 403 | 409;
  reason: string;
};

/**
 * LH-5: an exit as saved needs one approval from Sales leadership and one from TS leadership,
 * by two different people, once every success criterion is met. Returns the side this approval
 * counts for, or why it cannot be given.
 */
export function checkExitApproval(input: {
  /** `admin`: SPEC §1's "everything" — an admin without a side approves for the first one missing. */
  approver: { id: string; side: ApprovalSide | null; admin?: boolean };
  approvals: readonly ExitApproval[];
  criteria: { met: number; total: number };
  exited: boolean;
}): { side: ApprovalSide } | ExitApprovalRefusal {
  const { approvals, criteria } = input;
  const missingSide = approvalSides.find((side) => !approvals.some((approval) => approval.side === side));
  const approver = {
    ...input.approver,
    side: input.approver.side ?? (input.approver.admin ? (missingSide ?? null) : null),
  };
  if (approver.side === null) {
    return input.approver.admin
      ? { status: 409, reason: "Both leaderships have already approved this exit." }
      : { status: 403, reason: "Only Sales or TS leadership approve a Lighthouse exit." };
  }
  if (input.exited) return { status: 409, reason: "The account has already left the program." };
  if (criteria.total === 0 || criteria.met < criteria.total)
    return {
      status: 409,
      reason: `Not every success criterion is met (${criteria.met} of ${criteria.total}): the exit waits for them.`,
    };
  if (approvals.some((approval) => approval.userId === approver.id))
    return {
      status: 409,
      reason: "You have already approved this exit: the other leadership approves next.",
    };
  if (approvals.some((approval) => approval.side === approver.side))
    return { status: 409, reason: `${approvalSideLabels[approver.side]} has already approved this exit.` };
  return { side: approver.side };
}

/** LH-5: both leaderships have approved: the account exits as saved. */
export function exitApproved(approvals: readonly ExitApproval[]): boolean {
  const sides = new Set(approvals.map((approval) => approval.side));
  const people = new Set(approvals.map((approval) => approval.userId));
  return approvalSides.every((side) => sides.has(side)) && people.size >= approvalSides.length;
}
