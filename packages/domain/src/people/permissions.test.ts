import { describe, expect, it } from "vitest";
import {
  type AccountAction,
  accountActions,
  allowedAccountActions,
  can,
  globalActions,
} from "./permissions.ts";

const account = { ta: "u-ta", ae: "u-ae", ce: "u-ce" };
const ta = { id: "u-ta", roles: ["ta"] as const };
const otherTa = { id: "u-ta2", roles: ["ta"] as const };
const manager = { id: "u-m", roles: ["manager"] as const };
const ae = { id: "u-ae", roles: ["ae"] as const };
const otherAe = { id: "u-ae2", roles: ["ae"] as const };
const ce = { id: "u-ce", roles: ["ce"] as const };
const exec = { id: "u-x", roles: ["exec"] as const };
const admin = { id: "u-a", roles: ["admin"] as const };

describe("SPEC §1 permissions", () => {
  it("everyone reads every account", () => {
    for (const actor of [ta, otherTa, manager, ae, ce, exec, admin])
      expect(can(actor, "account.read", account)).toBe(true);
  });

  it("a TA writes only the accounts they are assigned to", () => {
    const taWrites: AccountAction[] = [
      "account.editTraits",
      "account.editTasks",
      "account.editDocs",
      "account.editPlans",
      "account.tagContacts",
      "account.updateLighthouse",
    ];
    for (const action of taWrites) {
      expect(can(ta, action, account), action).toBe(true);
      expect(can(otherTa, action, account), action).toBe(false);
    }
    expect(can(ta, "account.assignTeam", account)).toBe(false);
    expect(can(ta, "account.editRenewalPlan", account)).toBe(false);
  });

  it("a manager may do all a TA may on every account, plus assign and approve exits", () => {
    for (const action of [
      "account.editTraits",
      "account.tagContacts",
      "account.assignTeam",
      "account.setSupportLevel",
      "account.approveLighthouseExit",
    ] as const) {
      expect(can(manager, action, {}), action).toBe(true);
    }
    expect(can(manager, "policy.editDraft")).toBe(true);
    expect(can(manager, "policy.publish")).toBe(false);
  });

  it("an AE writes renewal plans and opportunities on their accounts only", () => {
    expect(can(ae, "account.editRenewalPlan", account)).toBe(true);
    expect(can(ae, "account.editOpportunities", account)).toBe(true);
    expect(can(otherAe, "account.editRenewalPlan", account)).toBe(false);
    expect(can(ae, "account.tagContacts", account)).toBe(false);
  });

  it("a CE fills hand-off docs and tags contacts on their accounts", () => {
    expect(can(ce, "account.fillHandoff", account)).toBe(true);
    expect(can(ce, "account.tagContacts", account)).toBe(true);
    expect(can(ce, "account.tagContacts", { ce: "someone-else" })).toBe(false);
    expect(can(ce, "account.editTraits", account)).toBe(false);
  });

  it("an exec reads, comments, enters accounts in Lighthouse (LH-1) and approves exits, nothing else", () => {
    expect(allowedAccountActions(exec, account).sort()).toEqual([
      "account.approveLighthouseExit",
      "account.comment",
      "account.enterLighthouse",
      "account.read",
    ]);
  });

  it("LH-1: the account's TA or AE, leadership and admins enter an account in Lighthouse; others do not", () => {
    const assigned = { ta: "u-ta", ae: "u-ae" };
    expect(can({ id: "u-ta", roles: ["ta"] }, "account.enterLighthouse", assigned)).toBe(true);
    expect(can({ id: "u-ae", roles: ["ae"] }, "account.enterLighthouse", assigned)).toBe(true);
    expect(can({ id: "u-other", roles: ["ta"] }, "account.enterLighthouse", assigned)).toBe(false);
    expect(can({ id: "u-other", roles: ["ae"] }, "account.enterLighthouse", assigned)).toBe(false);
    expect(can({ id: "u-ce", roles: ["ce"] }, "account.enterLighthouse", { ...assigned, ce: "u-ce" })).toBe(
      false,
    );
    expect(can({ id: "u-m", roles: ["manager"] }, "account.enterLighthouse", assigned)).toBe(true);
  });

  it("an admin may do everything", () => {
    expect(allowedAccountActions(admin, {})).toEqual([...accountActions]);
    for (const action of globalActions) expect(can(admin, action)).toBe(true);
  });

  it("several roles add up", () => {
    const taAndAe = { id: "u-ta", roles: ["ta", "ae"] as const };
    expect(can(taAndAe, "account.editRenewalPlan", { ae: "u-ta" })).toBe(true);
    expect(can(taAndAe, "account.tagContacts", { ta: "u-ta" })).toBe(true);
  });

  it("a user with no role may do nothing", () => {
    expect(allowedAccountActions({ id: "u", roles: [] }, account)).toEqual([]);
  });
});
