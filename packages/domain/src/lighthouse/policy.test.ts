import { describe, expect, it } from "vitest";
import { lighthousePolicySchema, lighthousePolicyV1 } from "./policy.ts";

describe("Lighthouse policy", () => {
  it("LH-4: seed 001's cadence — a sync every two weeks, weekly updates, two weeks on the agenda", () => {
    expect(lighthousePolicySchema.parse(lighthousePolicyV1)).toEqual({
      version: 1,
      syncEveryDays: 14,
      updateEveryDays: 7,
      agendaUpdateDays: 14,
    });
    expect(lighthousePolicySchema.safeParse({ ...lighthousePolicyV1, syncEveryDays: 0 }).success).toBe(false);
  });
});
