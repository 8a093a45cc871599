import { shellDevPort } from "@keel/federation";

/**
 * Where the shell lives, for links out of a standalone remote: the same origin in production
 * (the API serves the shell at /), the shell's dev server in dev.
 */
export const shellOrigin = import.meta.env.DEV ? `http://localhost:${shellDevPort}` : "";

export const shellAccountHref = (accountId: string) => `${shellOrigin}/accounts/${accountId}`;
