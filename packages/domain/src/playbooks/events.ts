import type { LifecycleStage } from "../accounts/account.ts";
import type { HealthCategory } from "../health/category.ts";
import type { PlaybookEvent } from "./schema.ts";
import type { AccountState } from "./state.ts";

/**
 * What the engine remembers of an account between evaluations. Comparing the last observation
 * with the state now gives the events a change made — whether a request changed the data
 * or only time moved it (the daily sweep: days since last activity grows by itself).
 */
export type Observation = {
  lifecycleStage: LifecycleStage;
  healthCategory: HealthCategory | null;
  traits: AccountState["traits"];
  supportLevelSetAt: string | null;
  ta: string | null;
};

export function observe(state: AccountState): Observation {
  return {
    lifecycleStage: state.lifecycleStage,
    healthCategory: state.healthCategory,
    traits: { ...state.traits },
    supportLevelSetAt: state.handoff.supportLevelSetAt,
    ta: state.team.ta,
  };
}

const traitKeys = [
  "taPulse",
  "versionsBehind",
  "activeChampion",
  "buyerAccess",
  "daysSinceLastActivity",
  "dauOverMau",
  "mauOverSeats",
] as const satisfies readonly (keyof AccountState["traits"])[];

/**
 * The events between two observations. With no earlier observation (an account the engine has
 * not seen yet) trait values count as moving from "no data", so an account that is already
 * below a threshold starts its playbook once (O-4, M-6); "field set" events need a real
 * change, so the first look at an existing book does not announce every TA and support level.
 * Stage changes are reported by the engine itself (it decides the stage).
 */
export function eventsBetween(previous: Observation | null, current: Observation): PlaybookEvent[] {
  const events: PlaybookEvent[] = [];
  if ((previous?.healthCategory ?? null) !== current.healthCategory && current.healthCategory !== null) {
    events.push({
      type: "healthCategoryChanged",
      from: previous?.healthCategory ?? null,
      to: current.healthCategory,
    });
  }
  for (const trait of traitKeys) {
    const from = previous?.traits[trait] ?? null;
    const to = current.traits[trait];
    if (from !== to) events.push({ type: "traitChanged", trait, from, to });
  }
  if (previous) {
    if (current.supportLevelSetAt !== null && previous.supportLevelSetAt !== current.supportLevelSetAt) {
      events.push({ type: "fieldSet", field: "supportLevel" });
    }
    if (current.ta !== null && previous.ta !== current.ta)
      events.push({ type: "fieldSet", field: "team.ta" });
    if (
      current.traits.activeChampion !== null &&
      previous.traits.activeChampion !== current.traits.activeChampion
    ) {
      events.push({ type: "fieldSet", field: "traits.activeChampion" });
    }
  }
  return events;
}
