import { shellDevPort } from "@keel/federation";

/**
 * Where the shell lives, for links out of a standalone remote: this origin in production (the
 * API serves the shell at /), the shell's dev server in dev. Always absolute, so React Router's
 * `<Link>` in a standalone app (basename /apps/<name>) leaves the app instead of resolving the
 * path under its basename.
 */
export const shellOrigin = import.meta.env.DEV
  ? `http://localhost:${shellDevPort}`
  : (globalThis.location?.origin ?? "");

export const shellAccountHref = (accountId: string) => `${shellOrigin}/accounts/${accountId}`;
