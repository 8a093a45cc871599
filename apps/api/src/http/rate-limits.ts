import { ServiceError } from "@keel/services";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Request limits (docs/security.md). Counters live in this process's memory: with several
 * instances each enforces its own share, which bounds an attacker by instances × limit.
 */
export type RateLimitConfig = {
  signIn: {
    /** Failed sign-ins from one client address, whatever the accounts tried. */
    failuresPerClient: number;
    /** Consecutive failed sign-ins for one account from one client address. */
    failuresPerAccount: number;
    windowSeconds: number;
  };
  ingest: {
    /** Per API key. A request counts as one record at least. */
    recordsPerMinute: number;
    requestsPerMinute: number;
    /** Batches of one API key being applied at the same time. */
    concurrentBatches: number;
  };
};

export const defaultRateLimits: RateLimitConfig = {
  signIn: { failuresPerClient: 20, failuresPerAccount: 5, windowSeconds: 15 * 60 },
  ingest: { recordsPerMinute: 60_000, requestsPerMinute: 120, concurrentBatches: 2 },
};

/** Reads the limits from `KEEL_*` variables (README "Security settings"); defaults otherwise. */
export function rateLimitsFromEnv(env: Record<string, string | undefined>): RateLimitConfig {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
    return value;
  };
  const d = defaultRateLimits;
  return {
    signIn: {
      failuresPerClient: read("KEEL_SIGNIN_FAILURES_PER_CLIENT", d.signIn.failuresPerClient),
      failuresPerAccount: read("KEEL_SIGNIN_FAILURES_PER_ACCOUNT", d.signIn.failuresPerAccount),
      windowSeconds: read("KEEL_SIGNIN_WINDOW_SECONDS", d.signIn.windowSeconds),
    },
    ingest: {
      recordsPerMinute: read("KEEL_INGEST_RECORDS_PER_MINUTE", d.ingest.recordsPerMinute),
      requestsPerMinute: read("KEEL_INGEST_REQUESTS_PER_MINUTE", d.ingest.requestsPerMinute),
      concurrentBatches: read("KEEL_INGEST_CONCURRENT_BATCHES", d.ingest.concurrentBatches),
    },
  };
}

const tooMany = (what: string, msBeforeNext: number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ServiceError("rate_limited", `${what}; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
};

/** A rejected `consume` becomes a 429 that says when to retry; anything else is rethrown. */
async function consumeOr(limiter: RateLimiterMemory, key: string, points: number, what: string) {
  try {
    await limiter.consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(what, error.msBeforeNext);
    throw error;
  }
}

export type RateLimits = ReturnType<typeof createRateLimits>;

export function createRateLimits(config: RateLimitConfig) {
  const { signIn, ingest } = config;
  const failuresByClient = new RateLimiterMemory({
    keyPrefix: "signin-client",
    points: signIn.failuresPerClient,
    duration: signIn.windowSeconds,
  });
  const failuresByAccount = new RateLimiterMemory({
    keyPrefix: "signin-account",
    points: signIn.failuresPerAccount,
    duration: signIn.windowSeconds,
  });
  const ingestRequests = new RateLimiterMemory({
    keyPrefix: "ingest-requests",
    points: ingest.requestsPerMinute,
    duration: 60,
  });
  const ingestRecords = new RateLimiterMemory({
    keyPrefix: "ingest-records",
    points: ingest.recordsPerMinute,
    duration: 60,
  });
  const batchesInFlight = new Map<string, number>();

  // An unknown client address (no socket: in-process requests) gets no client-wide bucket, so
  // strangers never share one; the account bucket still applies.
  const accountKey = (client: string | null, email: string) => `${client ?? "-"}|${email.toLowerCase()}`;

  return {
    config,
    signIn: {
      /** Refuses a sign-in attempt while its client or account has failed too often. */
      async check(client: string | null, email: string): Promise<void> {
        const checks: Array<[RateLimiterMemory, string, number]> = [
          [failuresByAccount, accountKey(client, email), signIn.failuresPerAccount],
        ];
        if (client) checks.push([failuresByClient, client, signIn.failuresPerClient]);
        for (const [limiter, key, max] of checks) {
          const state = await limiter.get(key);
          if (state && state.consumedPoints >= max) {
            throw tooMany("Too many failed sign-ins", state.msBeforeNext);
          }
        }
      },
      async failed(client: string | null, email: string): Promise<void> {
        await failuresByAccount.penalty(accountKey(client, email));
        if (client) await failuresByClient.penalty(client);
      },
      /** A correct password clears that account's consecutive failures from this client. */
      async succeeded(client: string | null, email: string): Promise<void> {
        await failuresByAccount.delete(accountKey(client, email));
      },
    },
    ingest: {
      /**
       * Before a batch: counts the request and refuses it past the per-minute request limit, or
       * while the key's records of the last minute are over the record limit.
       */
      async admit(apiKeyId: string): Promise<void> {
        await consumeOr(ingestRequests, apiKeyId, 1, "Too many ingestion requests for this API key");
        const records = await ingestRecords.get(apiKeyId);
        if (records && records.consumedPoints >= ingest.recordsPerMinute) {
          throw tooMany(
            `This API key may send ${ingest.recordsPerMinute} records a minute`,
            records.msBeforeNext,
          );
        }
      },
      /** After a batch is stored: its records count against the key's minute. */
      async stored(apiKeyId: string, records: number): Promise<void> {
        await ingestRecords.penalty(apiKeyId, Math.max(1, records));
      },
      /** Runs `apply` as one of the key's concurrent batches; 429 when too many are running. */
      async batch<T>(apiKeyId: string, apply: () => Promise<T>): Promise<T> {
        const running = batchesInFlight.get(apiKeyId) ?? 0;
        if (running >= ingest.concurrentBatches) {
          throw tooMany(`This API key already has ${running} batches being applied`, 1000);
        }
        batchesInFlight.set(apiKeyId, running + 1);
        try {
          return await apply();
        } finally {
          const left = (batchesInFlight.get(apiKeyId) ?? 1) - 1;
          if (left === 0) batchesInFlight.delete(apiKeyId);
          else batchesInFlight.set(apiKeyId, left);
        }
      },
    },
  };
}
