import { describe, expect, it } from "vitest";
import {
  checkExitApproval,
  daysInProgram,
  type EnrolmentFacts,
  enrolmentEntryInputSchema,
  enrolmentState,
  exitApproved,
} from "./enrolment.ts";

const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  enteredOn: "2026-10-01",
  planPresentedOn: null,
  updateDays: [],
  criteria: { met: 0, total: 2 },
  exit: null,
  ...over,
});

describe("enrolment", () => {
  it("LH-1: an ad-hoc entry names the account and says why", () => {
    const accountId = "6f1c3b1e-8d4a-4c7e-9a0b-2f3d4e5f6a7b";
    expect(
      enrolmentEntryInputSchema.safeParse({ accountId, reason: "Champion left; usage halved" }).success,
    ).toBe(true);
    const blank = enrolmentEntryInputSchema.safeParse({ accountId, reason: "  " });
    expect(blank.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
  });

  it("LH-3 / LH-4 / LH-5: entered → plan presented → in progress → exit proposed → exited", () => {
    expect(enrolmentState(facts()).state).toBe("entered");
    expect(enrolmentState(facts({ planPresentedOn: "2026-10-08" }))).toEqual({
      state: "plan_presented",
      reason: "The save plan was presented at the sync of 2026-10-08.",
    });
    // Updates before the presentation do not make it "in progress"; one after does.
    expect(enrolmentState(facts({ planPresentedOn: "2026-10-08", updateDays: ["2026-10-05"] })).state).toBe(
      "plan_presented",
    );
    expect(
      enrolmentState(facts({ planPresentedOn: "2026-10-08", updateDays: ["2026-10-05", "2026-10-12"] })),
    ).toMatchObject({ state: "in_progress" });
    expect(enrolmentState(facts({ planPresentedOn: "2026-10-08", criteria: { met: 2, total: 2 } }))).toEqual({
      state: "exit_proposed",
      reason: "Every success criterion is met (2 of 2): Sales and TS leadership decide on the exit.",
    });
    // No criteria is not "all met".
    expect(enrolmentState(facts({ criteria: { met: 0, total: 0 } })).state).toBe("entered");
    expect(enrolmentState(facts({ exit: { outcome: "saved", on: "2026-11-30" } }))).toEqual({
      state: "exited",
      reason: "Exited 2026-11-30: saved.",
    });
    expect(daysInProgram("2026-10-01", "2026-11-30")).toBe(60);
  });

  it("LH-5: one approval from each leadership, two different people, once every criterion is met", () => {
    const ready = { criteria: { met: 2, total: 2 }, exited: false };
    const ts = { id: "u-ts", side: "ts" as const };
    const sales = { id: "u-sales", side: "sales" as const };
    expect(checkExitApproval({ approver: ts, approvals: [], ...ready })).toEqual({ side: "ts" });
    expect(checkExitApproval({ approver: { id: "u-ta", side: null }, approvals: [], ...ready })).toEqual({
      status: 403,
      reason: "Only Sales or TS leadership approve a Lighthouse exit.",
    });
    expect(
      checkExitApproval({ approver: ts, approvals: [], criteria: { met: 1, total: 2 }, exited: false }),
    ).toMatchObject({ status: 409, reason: expect.stringMatching(/1 of 2/) });
    const first = [{ side: "ts" as const, userId: "u-ts" }];
    expect(checkExitApproval({ approver: ts, approvals: first, ...ready })).toMatchObject({ status: 409 });
    expect(checkExitApproval({ approver: { id: "u-ts2", side: "ts" }, approvals: first, ...ready })).toEqual({
      status: 409,
      reason: "TS leadership has already approved this exit.",
    });
    expect(checkExitApproval({ approver: sales, approvals: first, ...ready })).toEqual({ side: "sales" });
    expect(
      checkExitApproval({ approver: sales, approvals: first, criteria: ready.criteria, exited: true }),
    ).toMatchObject({ status: 409 });
    // An admin (no side) approves for the side still missing.
    expect(
      checkExitApproval({ approver: { id: "u-admin", side: null, admin: true }, approvals: first, ...ready }),
    ).toEqual({ side: "sales" });
    expect(exitApproved(first)).toBe(false);
    expect(exitApproved([...first, { side: "sales", userId: "u-sales" }])).toBe(true);
  });
});
