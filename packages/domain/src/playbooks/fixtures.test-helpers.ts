import type { AccountState } from "./state.ts";

/** An account state for tests: closes 2026-03-01, contract starts then, renews 2027-03-01. */
export function accountState(overrides: Partial<AccountState> = {}): AccountState {
  return {
    accountId: "acc-1",
    name: "Acme",
    arrCents: 30_000_000,
    seatsPurchased: 500,
    segment: "enterprise",
    supportLevel: "dedicated",
    pooled: false,
    scaled: false,
    lifecycleStage: "adopting",
    redAccount: false,
    closeDate: "2026-03-01",
    contractStart: "2026-03-01",
    renewalDate: "2027-03-01",
    team: { ta: "u-ta", ae: "u-ae", ce: "u-ce", ie: null, tpm: null },
    healthCategory: "green",
    healthBreakdown: null,
    traits: {
      taPulse: "healthy",
      versionsBehind: 0,
      activeChampion: true,
      buyerAccess: true,
      daysSinceLastActivity: 3,
      dauOverMau: 0.35,
      mauOverSeats: 0.9,
    },
    handoff: { supportLevelSetAt: "2026-01-10", taAssignedAt: "2026-01-20", handoffDocCreatedAt: null },
    contactsTaggedAt: null,
    lastActivityDate: null,
    manualTraitsRefreshedAt: null,
    ...overrides,
  };
}
