import { addDays } from "../dates.ts";
import type { HealthCategory } from "../health/category.ts";
import type { CriterionStatus } from "./criteria.ts";
import {
  type EnrolmentState,
  type ExitOutcome,
  enrolmentStateLabels,
  exitOutcomeLabels,
} from "./enrolment.ts";
import type { LighthousePolicy } from "./policy.ts";

/** One enrolment as the program sync's agenda reads it. */
export type AgendaEnrolment = {
  id: string;
  accountName: string;
  taName: string | null;
  sponsorName: string | null;
  enteredOn: string;
  reason: string;
  state: EnrolmentState;
  planPresentedOn: string | null;
  exit: { outcome: ExitOutcome; on: string } | null;
  plan: {
    problem: string;
    goal: string;
    criteria: Array<{ description: string; status: CriterionStatus }>;
    steps: Array<{
      criterion: string;
      title: string;
      ownerName: string | null;
      dueOn: string | null;
      done: boolean;
    }>;
  } | null;
  updates: Array<{
    on: string;
    authorName: string | null;
    progress: string;
    blockers: string;
    risks: string;
    asks: string;
  }>;
  /** A criterion's status changes, oldest first. */
  criterionChanges: Array<{ on: string; criterion: string; status: CriterionStatus }>;
  /** The health category at the start of the window and now. */
  health: { before: HealthCategory | null; now: HealthCategory | null };
};

export type AgendaItem = AgendaEnrolment & {
  criteriaMet: number;
  criteriaTotal: number;
  /** Updates and criterion changes inside the agenda's window. */
  recentUpdates: AgendaEnrolment["updates"];
  recentChanges: AgendaEnrolment["criterionChanges"];
};

export type Agenda = {
  /** The sync's date. */
  date: string;
  /** The previous sync's date, if there was one: new entrants are those since. */
  previousSyncOn: string | null;
  /** Updates are shown from this day on (the policy's window before the sync). */
  updatesFrom: string;
  newEntrants: AgendaItem[];
  existing: AgendaItem[];
  /** Accounts that left the program since the previous sync. */
  exited: AgendaItem[];
};

/**
 * LH-4: the program sync's agenda, written from the records. New entrants — entered since the
 * previous sync, or not yet presented — bring their problem and goal, success criteria and save
 * plan; existing accounts bring their updates of the last two weeks, blockers, risks and asks,
 * criteria met n/m with what changed, and their health then and now. Accounts that left since
 * the previous sync close it. Each list in entry order, then by account name.
 */
export function buildAgenda(input: {
  date: string;
  previousSyncOn: string | null;
  enrolments: readonly AgendaEnrolment[];
  policy: LighthousePolicy;
}): Agenda {
  const { date, previousSyncOn, policy } = input;
  const updatesFrom = addDays(date, -policy.agendaUpdateDays + 1);
  const item = (enrolment: AgendaEnrolment): AgendaItem => {
    const criteria = enrolment.plan?.criteria ?? [];
    return {
      ...enrolment,
      criteriaMet: criteria.filter((c) => c.status === "met").length,
      criteriaTotal: criteria.length,
      recentUpdates: enrolment.updates.filter((u) => u.on >= updatesFrom && u.on <= date),
      recentChanges: enrolment.criterionChanges.filter((c) => c.on >= updatesFrom && c.on <= date),
    };
  };
  const order = (a: AgendaEnrolment, b: AgendaEnrolment) =>
    a.enteredOn === b.enteredOn
      ? a.accountName.localeCompare(b.accountName, "en")
      : a.enteredOn < b.enteredOn
        ? -1
        : 1;
  const inProgram = input.enrolments.filter((e) => e.enteredOn <= date).sort(order);
  // New: entered since the previous sync, or its plan not presented before this one.
  const isNew = (e: AgendaEnrolment) =>
    previousSyncOn === null ||
    e.enteredOn > previousSyncOn ||
    e.planPresentedOn === null ||
    e.planPresentedOn >= date;
  const open = inProgram.filter((e) => e.exit === null || e.exit.on > date);
  return {
    date,
    previousSyncOn,
    updatesFrom,
    newEntrants: open.filter(isNew).map(item),
    existing: open.filter((e) => !isNew(e)).map(item),
    exited: inProgram
      .filter(
        (e) =>
          e.exit !== null && e.exit.on <= date && (previousSyncOn === null || e.exit.on > previousSyncOn),
      )
      .map(item),
  };
}

const line = (text: string) => text.replace(/\s+/g, " ").trim();
const orNone = (text: string) => (line(text) === "" ? "none" : line(text));
const criterionMark: Record<CriterionStatus, string> = { met: "[x]", unmet: "[ ]", unknown: "[?]" };

/** LH-4: the agenda as Markdown, for the chat post and the export. */
export function agendaMarkdown(agenda: Agenda): string {
  const out: string[] = [`# Lighthouse program sync — ${agenda.date}`, ""];
  out.push(
    agenda.previousSyncOn
      ? `New entrants since the sync of ${agenda.previousSyncOn}; updates from ${agenda.updatesFrom}.`
      : `First sync: every account in the program is new; updates from ${agenda.updatesFrom}.`,
    "",
  );
  const who = (e: AgendaItem) =>
    `TA ${e.taName ?? "not assigned"} · exec sponsor ${e.sponsorName ?? "needed"} · entered ${e.enteredOn}`;
  out.push(`## New entrants (${agenda.newEntrants.length})`, "");
  if (agenda.newEntrants.length === 0) out.push("No new accounts.", "");
  for (const e of agenda.newEntrants) {
    out.push(`### ${e.accountName}`, "", who(e), "", `- **Why it entered:** ${line(e.reason)}`);
    if (e.plan) {
      out.push(
        `- **Problem:** ${line(e.plan.problem)}`,
        `- **Goal:** ${line(e.plan.goal)}`,
        "- **Success criteria:**",
      );
      for (const c of e.plan.criteria) out.push(`  - ${criterionMark[c.status]} ${line(c.description)}`);
      out.push("- **Save plan:**");
      if (e.plan.steps.length === 0) out.push("  - no steps yet");
      for (const s of e.plan.steps)
        out.push(
          `  - ${s.done ? "[x]" : "[ ]"} ${line(s.title)} (${s.ownerName ?? "no owner"}${s.dueOn ? `, due ${s.dueOn}` : ""}) — for "${line(s.criterion)}"`,
        );
    } else out.push("- **Save plan:** not written yet");
    for (const u of e.recentUpdates)
      out.push(`- **Update ${u.on}** (${u.authorName ?? "unknown"}): ${orNone(u.progress)}`);
    out.push("");
  }
  out.push(`## Existing accounts (${agenda.existing.length})`, "");
  if (agenda.existing.length === 0) out.push("No other accounts in the program.", "");
  for (const e of agenda.existing) {
    out.push(
      `### ${e.accountName} — ${enrolmentStateLabels[e.state]}`,
      "",
      who(e),
      "",
      `- **Criteria met:** ${e.criteriaMet} of ${e.criteriaTotal}`,
      `- **Health:** ${e.health.before ?? "unknown"} → ${e.health.now ?? "unknown"}`,
    );
    for (const c of e.recentChanges)
      out.push(`- **Changed ${c.on}:** "${line(c.criterion)}" is now ${c.status}`);
    if (e.recentUpdates.length === 0)
      out.push("- **Updates:** none in the window — the save plan is overdue for one");
    for (const u of e.recentUpdates) {
      out.push(
        `- **Update ${u.on}** (${u.authorName ?? "unknown"}): ${orNone(u.progress)}`,
        `  - Blockers: ${orNone(u.blockers)}`,
        `  - Risks: ${orNone(u.risks)}`,
        `  - Asks: ${orNone(u.asks)}`,
      );
    }
    out.push("");
  }
  if (agenda.exited.length > 0) {
    out.push(`## Left the program (${agenda.exited.length})`, "");
    for (const e of agenda.exited)
      out.push(`- ${e.accountName}: ${exitOutcomeLabels[e.exit!.outcome].toLowerCase()} on ${e.exit!.on}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
