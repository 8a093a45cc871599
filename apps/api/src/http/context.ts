import type { Database } from "@keel/db";
import type { SessionUser } from "@keel/domain";
import {
  type ApiKeyPrincipal,
  type ServiceContext,
  systemActor,
  type WebhookTargetPolicy,
} from "@keel/services";
import type { Context } from "hono";
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
    /** Where webhook subscriptions may point (KEEL_WEBHOOK_ALLOWED_HOSTS). */
    webhookTargets: WebhookTargetPolicy;
  };
};

/**
 * What a route hands a service: the request's database, signed-in person, clock reading and id.
 * Ingestion routes have no person: an API key acts there, as the system (`systemActor`).
 */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const deps = c.get("deps");
  return {
    db: deps.db,
    actor: c.get("user") ?? systemActor,
    now: deps.now(),
    requestId: c.get("requestId"),
  };
}
