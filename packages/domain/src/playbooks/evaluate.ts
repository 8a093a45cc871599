import { addDays, daysBetween } from "../dates.ts";
import type {
  ComparisonOp,
  Playbook,
  PlaybookAction,
  PlaybookCondition,
  PlaybookEvent,
  PlaybookTrigger,
} from "./schema.ts";
import { type AccountState, readField } from "./state.ts";

/** One action a playbook fires, with the key that makes it happen at most once per occurrence. */
export type FiredAction = {
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  accountId: string;
  /** What makes this firing distinct: the trigger date, the month, or the event and day. */
  occurrence: string;
  /**
   * `playbookId:accountId:occurrence:actionIndex`; the database keeps it unique. The version is
   * left out on purpose: editing a playbook must not make it fire again for an occurrence the
   * earlier version already handled (never twice).
   */
  occurrenceKey: string;
  actionIndex: number;
  action: PlaybookAction;
  /** X-1: which rule, trigger and data made it fire. */
  reason: string;
};

function compare(left: number, op: ComparisonOp, right: number): boolean {
  switch (op) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
}

function show(value: unknown): string {
  return value === null ? "not set" : JSON.stringify(value);
}

/** Whether a condition holds, and the data it looked at (X-1). */
export function checkCondition(
  condition: PlaybookCondition,
  state: AccountState,
): { holds: boolean; note: string } {
  const actual = readField(state, condition.field);
  const seen = `${condition.field} = ${show(actual)}`;
  switch (condition.op) {
    case "isSet":
      return { holds: actual !== null, note: seen };
    case "isNotSet":
      return { holds: actual === null, note: seen };
    case "=":
      return { holds: actual === condition.value, note: seen };
    case "!=":
      return { holds: actual !== condition.value, note: seen };
    case "in":
      return { holds: condition.value.some((v) => v === actual), note: seen };
    default:
      return {
        holds: typeof actual === "number" && compare(actual, condition.op, condition.value),
        note: `${seen} (${condition.op} ${condition.value})`,
      };
  }
}

function checkAll(conditions: readonly PlaybookCondition[], state: AccountState) {
  const checks = conditions.map((c) => checkCondition(c, state));
  return { holds: checks.every((c) => c.holds), notes: checks.map((c) => c.note) };
}

/** When and why a trigger fires on `today` (or for `event`), or null. */
export function triggerOccurrence(
  trigger: PlaybookTrigger,
  state: AccountState,
  today: string,
  event?: PlaybookEvent,
): { occurrence: string; reason: string } | null {
  switch (trigger.kind) {
    case "date": {
      const anchor = state[trigger.anchor];
      if (!anchor) return null;
      const due = addDays(anchor, trigger.offsetDays);
      const late = daysBetween(due, today);
      if (late < 0 || late > trigger.catchUpDays) return null;
      const offset =
        trigger.offsetDays === 0
          ? ""
          : trigger.offsetDays > 0
            ? `+${trigger.offsetDays}`
            : `${trigger.offsetDays}`;
      return {
        occurrence: due,
        reason: `${trigger.anchor}${offset} days: ${trigger.anchor} ${anchor} → ${due}${late > 0 ? ` (caught up ${late} days late)` : ""}`,
      };
    }
    case "schedule": {
      if (Number(today.slice(8, 10)) < trigger.dayOfMonth) return null;
      const month = today.slice(0, 7);
      return { occurrence: month, reason: `monthly on day ${trigger.dayOfMonth}: ${month}` };
    }
    case "event": {
      if (!event) return null;
      const wanted = trigger.event;
      switch (wanted.type) {
        case "accountCreated":
          return event.type === "accountCreated"
            ? { occurrence: `created:${today}`, reason: "account created" }
            : null;
        case "stageChanged":
          if (event.type !== "stageChanged" || (wanted.to && wanted.to !== event.to)) return null;
          return {
            occurrence: `stage:${event.to}:${today}`,
            reason: `stage changed from ${event.from ?? "none"} to ${event.to}`,
          };
        case "healthCategoryChanged":
          if (event.type !== "healthCategoryChanged" || (wanted.to && !wanted.to.includes(event.to)))
            return null;
          return {
            occurrence: `health:${event.to}:${today}`,
            reason: `health category changed from ${event.from ?? "none"} to ${event.to}`,
          };
        case "traitCrossed": {
          if (event.type !== "traitChanged" || event.trait !== wanted.trait) return null;
          const satisfies = (v: unknown) => typeof v === "number" && compare(v, wanted.op, wanted.value);
          if (satisfies(event.from) || !satisfies(event.to)) return null;
          return {
            occurrence: `trait:${wanted.trait}:${today}`,
            reason: `${wanted.trait} crossed ${wanted.op} ${wanted.value}: ${show(event.from)} → ${show(event.to)}`,
          };
        }
        case "fieldSet":
          if (event.type !== "fieldSet" || event.field !== wanted.field) return null;
          return {
            occurrence: `field:${wanted.field}:${event.at ?? today}${event.value === undefined ? "" : `:${event.value}`}`,
            reason: `${wanted.field} was set${event.value === undefined ? "" : ` to ${event.value}`}${event.at ? ` at ${event.at}` : ""}`,
          };
      }
    }
  }
}

/**
 * Issue 4 / X-1: the actions a playbook fires for one account on `today` (and for `event`, when
 * one is reported), each with its occurrence key and the reason. Pure: the engine stores the keys
 * so that a second sweep or a replayed event creates nothing new.
 */
export function evaluatePlaybook(
  playbook: Playbook,
  state: AccountState,
  today: string,
  event?: PlaybookEvent,
): FiredAction[] {
  if (!playbook.enabled) return [];
  const conditions = checkAll(playbook.conditions, state);
  if (!conditions.holds) return [];
  const fired: FiredAction[] = [];
  const seen = new Set<string>();
  for (const trigger of playbook.triggers) {
    const hit = triggerOccurrence(trigger, state, today, event);
    if (!hit || seen.has(hit.occurrence)) continue;
    seen.add(hit.occurrence);
    playbook.actions.forEach((action, actionIndex) => {
      const narrowed = checkAll(action.when ?? [], state);
      if (!narrowed.holds) return;
      const data = [...conditions.notes, ...narrowed.notes];
      fired.push({
        playbookId: playbook.id,
        playbookVersion: playbook.version,
        ruleId: playbook.ruleId,
        accountId: state.accountId,
        occurrence: hit.occurrence,
        occurrenceKey: `${playbook.id}:${state.accountId}:${hit.occurrence}:${actionIndex}`,
        actionIndex,
        action,
        reason: `${playbook.ruleId} "${playbook.name}" v${playbook.version}: ${hit.reason}${data.length > 0 ? `; ${data.join(", ")}` : ""}`,
      });
    });
  }
  return fired;
}

/** X-1 dry run: what every playbook would fire today for one account, and why. */
export function dryRun(
  playbooks: readonly Playbook[],
  state: AccountState,
  today: string,
  event?: PlaybookEvent,
): FiredAction[] {
  return playbooks.flatMap((p) => evaluatePlaybook(p, state, today, event));
}
