/** Tests run on a fixed day so date filters are checkable. */
export const TEST_TODAY = "2026-11-01";

/** The demo company every API test file starts from (made once per run: global-setup.ts). */
export const TEST_SEED = { today: TEST_TODAY, accounts: 120 } as const;
