/** Attempts before a delivery is given up as dead (an admin may still retry it). */
export const MAX_WEBHOOK_ATTEMPTS = 8;
export const WEBHOOK_BACKOFF_BASE_MS = 30_000;
export const WEBHOOK_BACKOFF_FACTOR = 4;
export const WEBHOOK_BACKOFF_CAP_MS = 6 * 3_600_000;

/**
 * The wait after the `attempts`-th failed attempt (ADR 0006): 30 s × 4^(attempts-1), capped at
 * 6 h — 30 s, 2 min, 8 min, 32 min, 2 h 8 min, 6 h, 6 h, then dead: about 15 h in all, so a
 * receiver that is down overnight still gets its events. No jitter: tests check exact times.
 */
export function webhookRetryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(WEBHOOK_BACKOFF_BASE_MS * WEBHOOK_BACKOFF_FACTOR ** exponent, WEBHOOK_BACKOFF_CAP_MS);
}
