/**
 * The handbook's service levels in one place, read alike by the playbooks that remind people
 * (built-in playbooks), the compliance lists that show who is late and the
 * recommendations (§10) — so a changed day count changes all three.
 */
export type SlaPolicy = {
  version: number;
  /** C-3: the CE tags every known contact within this many days of signature (seed 001). */
  contactTaggingDays: number;
  /** M-6: every customer is contacted at least this often, in days (seed 003). */
  contactCadenceDays: number;
  /**
   * M-7: the TA refreshes Pulse, Access to buyer and Active champion every month (seed 003).
   * A refresh is late once this many days have passed since the last one (a month, rounded up).
   */
  traitRefreshDays: number;
  /** M-7: the monthly refresh task is due this many days after the 1st. */
  traitRefreshTaskDueInDays: number;
};

export const slaPolicyV1: SlaPolicy = {
  version: 1,
  contactTaggingDays: 7,
  contactCadenceDays: 30,
  traitRefreshDays: 31,
  traitRefreshTaskDueInDays: 7,
};

/** The service levels in force. */
export const slaPolicy: SlaPolicy = slaPolicyV1;
