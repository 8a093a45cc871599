import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtinPlaybookHistory,
  builtinPlaybooks,
  contactCadencePlaybook,
  contactTaggingPlaybook,
  handoffPlaybook,
  handoffPlaybookV1,
  lowUtilizationPlaybook,
  manualTraitRefreshPlaybook,
  noActiveChampionPlaybook,
  onClosePlaybook,
  renewalHealthAssessmentPlaybook,
  segmentationPlaybook,
  supportLevelReminderPlaybook,
  taAssignmentReminderPlaybook,
  yellowRedRenewalReviewPlaybook,
} from "./builtin.ts";
import { dryRun, evaluatePlaybook } from "./evaluate.ts";
import { accountState } from "./fixtures.test-helpers.ts";
import type { Playbook } from "./schema.ts";

const types = (
  p: Playbook,
  ...args: Parameters<typeof evaluatePlaybook> extends [unknown, ...infer R] ? R : never
) => evaluatePlaybook(p, ...args).map((f) => f.action.type);

/** Fires on `day`, not on the day before. */
function expectFiresOn(
  playbook: Playbook,
  state: ReturnType<typeof accountState>,
  day: string,
  dayBefore: string,
) {
  expect(evaluatePlaybook(playbook, state, dayBefore)).toEqual([]);
  const fired = evaluatePlaybook(playbook, state, day);
  expect(fired.length).toBeGreaterThan(0);
  for (const f of fired) expect(f.reason).toContain(playbook.ruleId);
  return fired;
}

const prospect = accountState({
  lifecycleStage: "prospect",
  team: { ta: null, ae: "u-ae", ce: "u-ce", ie: null, tpm: null },
});

describe("built-in playbooks fire on the right day and not the day before", () => {
  it("A-2: segmentation on creation and when the support level is set", () => {
    const s = accountState();
    expect(types(segmentationPlaybook, s, "2026-01-01", { type: "accountCreated" })).toEqual([
      "assignSegment",
    ]);
    expect(types(segmentationPlaybook, s, "2026-01-01", { type: "fieldSet", field: "supportLevel" })).toEqual(
      ["assignSegment"],
    );
    expect(types(segmentationPlaybook, s, "2026-01-01", { type: "fieldSet", field: "team.ta" })).toEqual([]);
    expect(types(segmentationPlaybook, s, "2026-01-01")).toEqual([]);
  });

  it("A-3: hand-off doc and CE task at T-30 (seed 001); T-35 kept as version 1 (seed 000)", () => {
    const fired = expectFiresOn(handoffPlaybook, prospect, "2026-01-30", "2026-01-29");
    expect(fired.map((f) => f.action)).toMatchObject([
      { type: "createDocument", templateId: "handoff", ownerRole: "ce" },
      { type: "createTask", role: "ce" },
    ]);
    expect(fired[0]?.occurrenceKey).toBe("pre-to-post-sales-handoff:acc-1:2026-01-30:0");
    expect(fired[0]?.reason).toContain("closeDate-30 days: closeDate 2026-03-01 → 2026-01-30");
    expectFiresOn(handoffPlaybookV1, prospect, "2026-01-25", "2026-01-24");
    expect(builtinPlaybookHistory).toContain(handoffPlaybookV1);
  });

  it("X-8: a playbook edited to a new version does not fire again for the same occurrence", () => {
    const [original] = evaluatePlaybook(handoffPlaybook, prospect, "2026-01-30");
    const edited = { ...handoffPlaybook, version: handoffPlaybook.version + 1, name: "Hand-off (reworded)" };
    const [again] = evaluatePlaybook(edited, prospect, "2026-01-30");
    expect(again?.occurrenceKey).toBe(original?.occurrenceKey);
    expect(again?.playbookVersion).toBe(handoffPlaybook.version + 1);
  });

  it("A-3: leadership reminders when T-45 / T-35 pass without the step", () => {
    const noLevel = accountState({
      ...prospect,
      handoff: { supportLevelSetAt: null, taAssignedAt: null, handoffDocCreatedAt: null },
    });
    const [reminder] = expectFiresOn(supportLevelReminderPlaybook, noLevel, "2026-01-16", "2026-01-15");
    expect(reminder?.action).toMatchObject({ type: "notify", to: "leadership" });
    expect(reminder?.reason).toContain("handoff.supportLevelSetAt = not set");
    expect(evaluatePlaybook(supportLevelReminderPlaybook, prospect, "2026-01-16")).toEqual([]);
    expectFiresOn(taAssignmentReminderPlaybook, prospect, "2026-01-26", "2026-01-25");
    expect(evaluatePlaybook(taAssignmentReminderPlaybook, accountState(), "2026-01-26")).toEqual([]);
  });

  it("A-4: on close — license task for the TA (CE when scaled), onboarding project, kick-off", () => {
    const fired = expectFiresOn(onClosePlaybook, accountState(), "2026-03-01", "2026-02-28");
    expect(fired.map((f) => f.action)).toMatchObject([
      { type: "createTask", role: "ta", title: "Issue the production license" },
      { type: "createProject", templateId: "new-customer-onboarding-and-enablement" },
      { type: "createTask", role: "ta", title: "Hold the partnership kick-off" },
      { type: "webhook" },
    ]);
    const scaled = evaluatePlaybook(onClosePlaybook, accountState({ scaled: true }), "2026-03-01");
    expect(scaled[0]?.action).toMatchObject({ type: "createTask", role: "ce" });
    expect(scaled[0]?.reason).toContain("scaled = true");
  });

  it("R-2: at T-120 the health assessment doc and the TA's task", () => {
    const fired = expectFiresOn(renewalHealthAssessmentPlaybook, accountState(), "2026-11-01", "2026-10-31");
    expect(fired.map((f) => f.action.type)).toEqual(["createDocument", "createTask"]);
  });

  it("R-3: at T-180 yellow/red accounts go on the review list; green ones do not", () => {
    const yellow = accountState({ healthCategory: "yellow" });
    expectFiresOn(yellowRedRenewalReviewPlaybook, yellow, "2026-09-02", "2026-09-01");
    expect(evaluatePlaybook(yellowRedRenewalReviewPlaybook, accountState(), "2026-09-02")).toEqual([]);
  });

  it("M-7: monthly manual-trait refresh, once per month", () => {
    const s = accountState();
    const fired = evaluatePlaybook(manualTraitRefreshPlaybook, s, "2026-06-01");
    expect(fired[0]?.occurrence).toBe("2026-06");
    expect(fired[0]?.reason).toContain("M-7");
    // the day before belongs to May's occurrence, not June's
    expect(evaluatePlaybook(manualTraitRefreshPlaybook, s, "2026-05-31")[0]?.occurrence).toBe("2026-05");
    const onThe5th: Playbook = {
      ...manualTraitRefreshPlaybook,
      triggers: [{ kind: "schedule", every: "month", dayOfMonth: 5 }],
    };
    expect(evaluatePlaybook(onThe5th, s, "2026-06-04")).toEqual([]);
    expect(evaluatePlaybook(onThe5th, s, "2026-06-05")).toHaveLength(1);
    expect(evaluatePlaybook(manualTraitRefreshPlaybook, s, "2026-06-15")[0]?.occurrenceKey).toBe(
      fired[0]?.occurrenceKey,
    );
  });

  it("M-6: not contacted in 30 days — fires when the silence crosses 30 days", () => {
    const s = accountState();
    const crossing = { type: "traitChanged", trait: "daysSinceLastActivity", from: 29, to: 30 } as const;
    expect(types(contactCadencePlaybook, s, "2026-06-01", { ...crossing, from: 28, to: 29 })).toEqual([]);
    expect(types(contactCadencePlaybook, s, "2026-06-01", crossing)).toEqual(["createTask"]);
    expect(types(contactCadencePlaybook, s, "2026-06-02", { ...crossing, from: 30, to: 31 })).toEqual([]);
  });

  it("O-4: MAU/seats below 80% starts the low-utilization project and Get Well Plan", () => {
    const s = accountState();
    const event = { type: "traitChanged", trait: "mauOverSeats", from: 0.82, to: 0.79 } as const;
    const fired = evaluatePlaybook(lowUtilizationPlaybook, s, "2026-06-01", event);
    expect(fired.map((f) => f.action)).toMatchObject([
      { type: "createProject", templateId: "customer-health-low-utilization" },
      { type: "createDocument", templateId: "get-well-plan" },
    ]);
    expect(fired[0]?.reason).toContain("mauOverSeats crossed < 0.8: 0.82 → 0.79");
    expect(
      evaluatePlaybook(lowUtilizationPlaybook, s, "2026-06-01", { ...event, from: 0.8, to: 0.81 }),
    ).toEqual([]);
  });

  it("seed 003: no active champion → red account flag and notification", () => {
    const s = accountState({ traits: { ...accountState().traits, activeChampion: false } });
    const event = { type: "fieldSet", field: "traits.activeChampion" } as const;
    expect(types(noActiveChampionPlaybook, s, "2026-06-01", event)).toEqual(["setFlag", "notify", "webhook"]);
    expect(types(noActiveChampionPlaybook, accountState(), "2026-06-01", event)).toEqual([]);
    expect(types(noActiveChampionPlaybook, { ...s, redAccount: true }, "2026-06-01", event)).toEqual([]);
  });

  it("C-3: contacts not tagged 7 days after signature → CE task", () => {
    const [task] = expectFiresOn(contactTaggingPlaybook, accountState(), "2026-03-08", "2026-03-07");
    expect(task?.action).toMatchObject({ type: "createTask", role: "ce" });
    expect(
      evaluatePlaybook(
        contactTaggingPlaybook,
        accountState({ contactsTaggedAt: "2026-03-05" }),
        "2026-03-08",
      ),
    ).toEqual([]);
  });
});

describe("evaluation properties", () => {
  const day = fc
    .integer({ min: 0, max: 1500 })
    .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

  it("at most once per occurrence: evaluating twice gives the same occurrence keys (a second sweep creates nothing new)", () => {
    fc.assert(
      fc.property(day, (today) => {
        const s = accountState({ healthCategory: "red" });
        const first = dryRun(builtinPlaybooks, s, today).map((f) => f.occurrenceKey);
        const second = dryRun(builtinPlaybooks, s, today).map((f) => f.occurrenceKey);
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      }),
    );
  });

  it("at most once per occurrence: a date trigger has one occurrence however many daily sweeps run in its catch-up window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
        const start = Date.UTC(2026, 0, 1);
        const keys = new Set<string>();
        for (let d = 0; d < 30; d++) {
          const today = new Date(start + (offset + d) * 86_400_000).toISOString().slice(0, 10);
          for (const f of evaluatePlaybook(renewalHealthAssessmentPlaybook, accountState(), today))
            keys.add(f.occurrenceKey);
        }
        expect(keys.size === 0 || keys.size === 2).toBe(true);
      }),
    );
  });

  it("a disabled playbook fires nothing", () => {
    expect(evaluatePlaybook({ ...onClosePlaybook, enabled: false }, accountState(), "2026-03-01")).toEqual(
      [],
    );
  });
});
