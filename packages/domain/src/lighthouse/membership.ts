import type { Account } from "../accounts/account.ts";

/**
 * LH-1: an account is in the Lighthouse churn-save program while it carries the "red account"
 * flag. A red health assessment or an ad-hoc entry sets the flag; the exit (LH-5)
 * clears it. Until the program has its own entry records, the flag is the membership.
 */
export function isInLighthouse(account: Pick<Account, "redAccount">): boolean {
  return account.redAccount;
}

/** The Lighthouse master list (SPEC §11) out of a set of accounts, in their order. */
export function lighthouseAccountsOf<T extends Pick<Account, "redAccount">>(accounts: readonly T[]): T[] {
  return accounts.filter(isInLighthouse);
}
