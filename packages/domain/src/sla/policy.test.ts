import { describe, expect, it } from "vitest";
import {
  contactCadencePlaybook,
  contactTaggingPlaybook,
  manualTraitRefreshPlaybook,
} from "../playbooks/builtin.ts";
import { defaultRecommendOptions } from "../recommendations/recommend.ts";
import { slaPolicy } from "./policy.ts";

describe("one SLA policy for playbooks, compliance lists and recommendations", () => {
  it("C-3: the tagging playbook fires the policy's days after signature", () => {
    expect(contactTaggingPlaybook.triggers[0]).toMatchObject({
      kind: "date",
      anchor: "contractStart",
      offsetDays: slaPolicy.contactTaggingDays,
    });
  });

  it("M-6: the contact-cadence playbook and the recommendation use the same day count", () => {
    const [trigger] = contactCadencePlaybook.triggers;
    expect(trigger).toMatchObject({ kind: "event", event: { value: slaPolicy.contactCadenceDays } });
    expect(contactCadencePlaybook.name).toBe(`Not contacted in ${slaPolicy.contactCadenceDays} days`);
    expect(defaultRecommendOptions.contactCadenceDays).toBe(slaPolicy.contactCadenceDays);
  });

  it("M-7: the monthly refresh task is due the policy's days after the 1st", () => {
    expect(manualTraitRefreshPlaybook.actions[0]).toMatchObject({
      type: "createTask",
      dueInDays: slaPolicy.traitRefreshTaskDueInDays,
    });
  });

  it("matches the handbook: 7 days to tag, contact monthly, refresh monthly", () => {
    expect(slaPolicy).toMatchObject({ contactTaggingDays: 7, contactCadenceDays: 30, traitRefreshDays: 31 });
  });
});
