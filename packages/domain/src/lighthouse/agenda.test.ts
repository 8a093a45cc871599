import { describe, expect, it } from "vitest";
import { type AgendaEnrolment, agendaMarkdown, buildAgenda } from "./agenda.ts";
import { lighthousePolicy } from "./policy.ts";

const enrolment = (over: Partial<AgendaEnrolment>): AgendaEnrolment => ({
  id: "e",
  accountName: "Acme",
  taName: "Tara",
  sponsorName: null,
  enteredOn: "2026-10-01",
  reason: "Usage halved",
  state: "in_progress",
  planPresentedOn: "2026-10-08",
  exit: null,
  plan: {
    problem: "Usage fell",
    goal: "Healthy usage",
    criteria: [
      { description: "MAU per seat at least 0.6", status: "met" },
      { description: "New champion", status: "unmet" },
    ],
    steps: [
      {
        criterion: "New champion",
        title: "Meet the CTO",
        ownerName: "Tara",
        dueOn: "2026-12-10",
        done: false,
      },
    ],
  },
  updates: [],
  criterionChanges: [],
  health: { before: "red", now: "yellow" },
  ...over,
});

describe("program sync agenda", () => {
  const date = "2026-12-03";
  const previousSyncOn = "2026-11-19";
  const enrolments = [
    enrolment({ id: "old", accountName: "Old Co" }),
    enrolment({
      id: "new",
      accountName: "New Co",
      enteredOn: "2026-11-25",
      planPresentedOn: null,
      state: "entered",
      updates: [
        { on: "2026-11-28", authorName: "Tara", progress: "Plan drafted", blockers: "", risks: "", asks: "" },
      ],
    }),
    enrolment({
      id: "busy",
      accountName: "Busy Co",
      updates: [
        { on: "2026-11-10", authorName: "Tara", progress: "Too old", blockers: "", risks: "", asks: "" },
        {
          on: "2026-11-26",
          authorName: "Tara",
          progress: "Enablement done for two teams",
          blockers: "Security review",
          risks: "Budget freeze",
          asks: "An exec call with their CIO",
        },
      ],
      criterionChanges: [
        { on: "2026-11-01", criterion: "MAU per seat at least 0.6", status: "unmet" },
        { on: "2026-11-30", criterion: "MAU per seat at least 0.6", status: "met" },
      ],
    }),
    enrolment({
      id: "gone",
      accountName: "Gone Co",
      exit: { outcome: "saved", on: "2026-11-27" },
      state: "exited",
    }),
    enrolment({ id: "long-gone", accountName: "Long Gone", exit: { outcome: "churned", on: "2026-11-01" } }),
    enrolment({ id: "later", accountName: "Later Co", enteredOn: "2026-12-05" }),
  ];

  it("LH-4: new entrants since the previous sync, existing accounts with two weeks of updates, and who left", () => {
    const agenda = buildAgenda({ date, previousSyncOn, enrolments, policy: lighthousePolicy });
    expect(agenda.updatesFrom).toBe("2026-11-20");
    expect(agenda.newEntrants.map((e) => e.id)).toEqual(["new"]);
    expect(agenda.existing.map((e) => e.id).sort()).toEqual(["busy", "old"]);
    expect(agenda.exited.map((e) => e.id)).toEqual(["gone"]);
    const busy = agenda.existing.find((e) => e.id === "busy")!;
    expect(busy.recentUpdates.map((u) => u.on)).toEqual(["2026-11-26"]);
    expect(busy.recentChanges).toEqual([
      { on: "2026-11-30", criterion: "MAU per seat at least 0.6", status: "met" },
    ]);
    expect([busy.criteriaMet, busy.criteriaTotal]).toEqual([1, 2]);
  });

  it("LH-4: an entrant not presented at an earlier sync is still new; the first sync presents everyone", () => {
    const unpresented = enrolment({ id: "late", enteredOn: "2026-11-01", planPresentedOn: null });
    expect(
      buildAgenda({ date, previousSyncOn, enrolments: [unpresented], policy: lighthousePolicy }).newEntrants,
    ).toHaveLength(1);
    const first = buildAgenda({ date, previousSyncOn: null, enrolments, policy: lighthousePolicy });
    expect(first.newEntrants.map((e) => e.id).sort()).toEqual(["busy", "new", "old"]);
    expect(first.existing).toEqual([]);
    expect(first.exited.map((e) => e.id).sort()).toEqual(["gone", "long-gone"]);
  });

  it("LH-4: the agenda as Markdown carries the problem, goal, criteria, plan, updates, blockers, risks and asks", () => {
    const markdown = agendaMarkdown(
      buildAgenda({ date, previousSyncOn, enrolments, policy: lighthousePolicy }),
    );
    expect(markdown).toMatch(/^# Lighthouse program sync — 2026-12-03\n/);
    expect(markdown).toContain("## New entrants (1)");
    expect(markdown).toContain("### New Co");
    expect(markdown).toContain("- **Update 2026-11-28** (Tara): Plan drafted");
    expect(markdown).toContain("- **Problem:** Usage fell");
    expect(markdown).toContain("  - [x] MAU per seat at least 0.6");
    expect(markdown).toContain('  - [ ] Meet the CTO (Tara, due 2026-12-10) — for "New champion"');
    expect(markdown).toContain("### Busy Co — In progress");
    expect(markdown).toContain("- **Criteria met:** 1 of 2");
    expect(markdown).toContain("  - Blockers: Security review");
    expect(markdown).toContain("  - Asks: An exec call with their CIO");
    expect(markdown).toContain('- **Changed 2026-11-30:** "MAU per seat at least 0.6" is now met');
    expect(markdown).toContain("- Gone Co: saved on 2026-11-27");
    expect(markdown).not.toContain("Too old");
    expect(markdown).not.toContain("Later Co");
    // An account with no update in the window says so.
    expect(markdown).toMatch(/### Old Co — In progress[\s\S]*- \*\*Updates:\*\* none in the window/);
  });
});
