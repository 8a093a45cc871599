import { z } from "zod";
import { int32Schema } from "../validation.ts";

/**
 * Every number of the Lighthouse churn-save program (SPEC §6) in one versioned object, so an
 * admin's edit changes the cadence, the staleness list and the agenda together. Defaults are
 * seed 001's "Lighthouse Program Cadence".
 */
export const lighthousePolicySchema = z.strictObject({
  version: int32Schema({ min: 1 }),
  /** LH-4: the program sync happens every this many days ("bi-weekly"). */
  syncEveryDays: int32Schema({ min: 1, max: 92 }),
  /** LH-4 / X-6: the TA updates the save plan at least this often ("on a weekly basis"). */
  updateEveryDays: int32Schema({ min: 1, max: 92 }),
  /** LH-4: an existing account's agenda entry shows its updates of this many days. */
  agendaUpdateDays: int32Schema({ min: 1, max: 92 }),
});
export type LighthousePolicy = z.infer<typeof lighthousePolicySchema>;

export const lighthousePolicyV1: LighthousePolicy = {
  version: 1,
  // Seed 001: "On a bi-weekly basis, the Lighthouse program sync occurs".
  syncEveryDays: 14,
  // Seed 001: "On a weekly basis, the TA is quarterbacking the save plan"; X-6 "updated weekly".
  updateEveryDays: 7,
  // Seed 001: "Updates in the last 2 weeks".
  agendaUpdateDays: 14,
};

/** The Lighthouse policy in force. */
export const lighthousePolicy: LighthousePolicy = lighthousePolicyV1;
