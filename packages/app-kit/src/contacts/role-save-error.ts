import { isApiRequestError } from "@keel/client";

export const STALE_CONTACT_MESSAGE = "Someone else changed this contact; reloaded";

/** What to tell someone whose role save failed; `stale` when the contact must be reloaded. */
export function roleSaveFailure(error: unknown): { message: string; stale: boolean } {
  if (isApiRequestError(error)) {
    if (error.status === 412) return { message: STALE_CONTACT_MESSAGE, stale: true };
    // 403: the server's own words say whose accounts this user may tag (SPEC §1).
    return { message: error.message, stale: false };
  }
  if (error instanceof TypeError)
    return { message: "Keel could not be reached; nothing was saved.", stale: false };
  return { message: error instanceof Error ? error.message : "The roles were not saved.", stale: false };
}
