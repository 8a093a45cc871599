import { describe, expect, it } from "vitest";
import { segmentationPlaybook, taAssignedPlaybook } from "./builtin.ts";
import { evaluatePlaybook } from "./evaluate.ts";
import { eventsBetween, observe } from "./events.ts";
import { accountState } from "./fixtures.test-helpers.ts";

describe("events between two looks at an account (the automation engine, X-7)", () => {
  it("O-4 / M-6: the first look counts traits as moving from no data, so a threshold already crossed starts once", () => {
    const now = observe(accountState({ traits: { ...accountState().traits, mauOverSeats: 0.5 } }));
    const events = eventsBetween(null, now);
    expect(events).toContainEqual({ type: "traitChanged", trait: "mauOverSeats", from: null, to: 0.5 });
    expect(events).toContainEqual({ type: "healthCategoryChanged", from: null, to: "green" });
  });

  it("A-2 / A-3: fields set are events only when they really changed, not on the first look", () => {
    const before = accountState({ team: { ...accountState().team, ta: null } });
    const after = accountState();
    expect(eventsBetween(null, observe(after)).some((e) => e.type === "fieldSet")).toBe(false);
    expect(eventsBetween(observe(before), observe(after))).toContainEqual({
      type: "fieldSet",
      field: "team.ta",
    });
    expect(eventsBetween(observe(after), observe(after))).toEqual([]);
  });

  it("A-3: a field set with its time and value is its own occurrence, so a second TA the same day is told too", () => {
    const state = accountState();
    const first = evaluatePlaybook(taAssignedPlaybook, state, "2026-11-01", {
      type: "fieldSet",
      field: "team.ta",
      at: "2026-11-01T09:00:00.000Z",
      value: "u-ta",
    });
    const second = evaluatePlaybook(taAssignedPlaybook, state, "2026-11-01", {
      type: "fieldSet",
      field: "team.ta",
      at: "2026-11-01T15:00:00.000Z",
      value: "u-ta2",
    });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0]!.occurrenceKey).not.toBe(second[0]!.occurrenceKey);
    expect(second[0]!.reason).toContain("team.ta was set to u-ta2");
  });

  it("A-2: without a time, one field-set occurrence per day (a replayed event fires nothing new)", () => {
    const event = { type: "fieldSet", field: "supportLevel" } as const;
    const a = evaluatePlaybook(segmentationPlaybook, accountState(), "2026-11-01", event);
    const b = evaluatePlaybook(segmentationPlaybook, accountState(), "2026-11-01", event);
    expect(a.map((f) => f.occurrenceKey)).toEqual(b.map((f) => f.occurrenceKey));
  });
});
