import type { Database } from "@keel/db";
import type { ApiKeyScope, SessionUser } from "@keel/domain";
import type { Logger } from "pino";
import type { Auth } from "../auth/auth.ts";
import type { RateLimits } from "./rate-limits.ts";

/** What every request can reach: injected once in createApp, never imported as a global. */
export type AppDeps = {
  db: Database;
  auth: Auth;
  logger: Logger;
  /** The clock; tests pin it so date rules are checked on known days. */
  now: () => Date;
};

/** Who is calling an ingestion route: an API key, not a person. */
export type ApiKeyPrincipal = { id: string; name: string; scopes: ApiKeyScope[] };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by requireSession on /api/v1/* (not on the ingestion routes). */
    user: SessionUser;
    /** Set by requireApiKey on /api/v1/ingest/* (machine feeds, SPEC §12). */
    apiKey: ApiKeyPrincipal;
    /** The caller's address as far as trusted proxies vouch for it (null without a socket). */
    clientIp: string | null;
    limits: RateLimits;
  };
};
