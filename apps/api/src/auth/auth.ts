import type { Database } from "@keel/db";
import { schema } from "@keel/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { CLIENT_IP_HEADER } from "./auth-endpoint.ts";

export type AuthOptions = {
  db: Database;
  secret: string;
  /** Where the product is served, e.g. http://localhost:3000. */
  baseURL: string;
  /** Other origins allowed to sign in (dev servers of the Vite apps). */
  trustedOrigins?: string[];
};

/**
 * Better Auth, sessions in our database. Email + password for the embedded default;
 * its SSO/OIDC plugin is the production path (ADR 0003).
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        credential: schema.credential,
        verification: schema.verification,
      },
    }),
    // Better Auth's "account" is a login credential; ours are customers.
    account: { modelName: "credential" },
    emailAndPassword: { enabled: true, disableSignUp: true },
    user: {
      additionalFields: {
        roles: { type: "string[]", input: false, required: false, defaultValue: [] },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // Failed sign-ins are limited by auth-endpoint.ts (per client and per account); Better Auth's
    // own limiter still guards its other endpoints, keyed by the address we resolved.
    rateLimit: { customRules: { "/sign-in/email": false } },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Behind HTTPS (KEEL_BASE_URL https://…) the session cookie is Secure (and __Secure-).
      useSecureCookies: new URL(options.baseURL).protocol === "https:",
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
