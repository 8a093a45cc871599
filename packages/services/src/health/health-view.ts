import { type Executor, schema } from "@keel/db";
import {
  type HealthBreakdown,
  type HealthCategory,
  type HealthPolicy,
  isManualTraitStale,
  type Pulse,
  type StoredHealthBreakdown,
  type StoredHealthInputs,
  showBreakdown,
  traitEvidence,
} from "@keel/domain";
import { eq } from "drizzle-orm";

export type ManualTraitState<V> = { value: V; setAt: string; setBy: string | null; stale: boolean } | null;

/** The manual traits a TA edits, with the version to send back as If-Match (0: never set). */
export type ManualTraitsView = {
  version: number;
  taPulse: ManualTraitState<Pulse>;
  activeChampion: ManualTraitState<boolean>;
  buyerAccess: ManualTraitState<boolean>;
};

export type AccountHealthView = {
  accountId: string;
  score: number | null;
  category: HealthCategory;
  policyVersion: number;
  /** When the stored score was computed; null when none is stored yet (computed on the fly). */
  computedAt: string | null;
  breakdown: HealthBreakdown;
  manualTraits: ManualTraitsView;
};

/** H-4 + X-1: a stored breakdown with labels and, from the stored facts, what produced each trait. */
export function explainStored(breakdown: StoredHealthBreakdown, inputs: StoredHealthInputs): HealthBreakdown {
  return showBreakdown(breakdown, traitEvidence(inputs.facts, inputs.values));
}

export async function loadManualTraits(
  db: Executor,
  accountId: string,
  today: string,
  policy: Pick<HealthPolicy, "manualTraitStaleAfterDays">,
): Promise<ManualTraitsView> {
  const [row] = await db
    .select()
    .from(schema.accountManualTraits)
    .where(eq(schema.accountManualTraits.accountId, accountId));
  const state = <V>(
    value: V | null | undefined,
    setAt: Date | null | undefined,
    setBy: string | null | undefined,
  ) =>
    value === null || value === undefined || !setAt
      ? null
      : {
          value,
          setAt: setAt.toISOString(),
          setBy: setBy ?? null,
          // H-6: stale after the policy's days without a refresh; still counted.
          stale: isManualTraitStale(setAt, today, policy),
        };
  return {
    version: row?.version ?? 0,
    taPulse: state(row?.taPulse, row?.taPulseSetAt, row?.taPulseSetBy),
    activeChampion: state(row?.activeChampion, row?.activeChampionSetAt, row?.activeChampionSetBy),
    buyerAccess: state(row?.buyerAccess, row?.buyerAccessSetAt, row?.buyerAccessSetBy),
  };
}
