import type { DbHandle } from "@keel/db";
import { queryRows } from "@keel/db";
import { openTestDatabase } from "@keel/db/testing";
import { savePlanInputSchema, type UserRole } from "@keel/domain";
import {
  approveLighthouseExit,
  approveRenewalAssessment,
  assessRenewal,
  closeLighthouseEnrolment,
  ensureBuiltinPlaybooks,
  enterLighthouse,
  getEnrolment,
  getLighthouseAgenda,
  getLighthouseMetrics,
  listComplianceLists,
  listEnrolments,
  postLighthouseUpdate,
  recordCriterionEvidence,
  recordLighthouseSync,
  type ServiceContext,
  saveSavePlan,
  setManualTraits,
  syncRenewals,
} from "@keel/services";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoData } from "./index.ts";

const TODAY = "2026-11-01";
let handle: DbHandle;
let account: { id: string; ta: string; ae: string };

beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
  await seedDemoData(handle.db, { today: TODAY, accounts: 30, playbookReplayDays: false });
  // The document templates (the Account Save Plan) as the API installs them on start.
  await ensureBuiltinPlaybooks(handle.db, new Date(`${TODAY}T00:00:00Z`));
  // An account with a TA and an AE, not in the program, whose champion is unknown or gone.
  const [row] = await queryRows<{ id: string; ta: string; ae: string }>(
    handle.db,
    sql`select a.id::text, ta.user_id as ta, ae.user_id as ae from accounts a
      join account_team ta on ta.account_id = a.id and ta.role = 'ta'
      join account_team ae on ae.account_id = a.id and ae.role = 'ae'
      left join account_manual_traits m on m.account_id = a.id
      where not exists (select 1 from lighthouse_enrolments e where e.account_id = a.id and e.exited_at is null)
        and m.active_champion is distinct from true
      order by a.name limit 1`,
  );
  account = row!;
});
afterAll(() => handle.close());

async function as(userId: string, at = `${TODAY}T15:00:00Z`): Promise<ServiceContext> {
  const [user] = await queryRows<{ roles: UserRole[] }>(
    handle.db,
    sql`select roles from "user" where id = ${userId}`,
  );
  return { db: handle.db, actor: { id: userId, roles: user!.roles }, now: new Date(at), requestId: "test" };
}

describe("Lighthouse enrolment", () => {
  let enrolmentId: string;

  it("LH-1 / LH-3: the TA enters an account by hand with a reason; the save plan, its tasks and leadership follow", async () => {
    ({ enrolmentId } = await enterLighthouse(await as(account.ta), {
      accountId: account.id,
      reason: "The champion left and usage halved.",
    }));
    const detail = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(detail).toMatchObject({
      source: "ad_hoc",
      reason: "The champion left and usage halved.",
      state: "entered",
      sponsor: null,
      plan: null,
      progress: { met: 0, total: 0, allMet: false },
      actions: { update: true, approveExit: false },
    });
    expect(detail.enteredBy?.id).toBe(account.ta);
    expect(detail.savePlanDocumentId).not.toBeNull();
    expect(detail.sharedWith.length).toBeGreaterThanOrEqual(2);
    const tasks = await queryRows<{ title: string; assignee_id: string }>(
      handle.db,
      sql`select title, assignee_id from tasks where account_id = ${account.id}::uuid and rule_id = 'LH-3' order by title`,
    );
    expect(tasks.map((t) => t.title)).toEqual([
      "Review the save plan with the AE before the next Lighthouse sync",
      "Write the Account Save Plan: problem, goal, success criteria and their steps",
    ]);
    expect(tasks.every((t) => t.assignee_id === account.ta)).toBe(true);
    const [told] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from notifications where account_id = ${account.id}::uuid and rule_id = 'LH-3'`,
    );
    expect(told!.n).toBe(detail.sharedWith.length);
  });

  it("LH-1: entering an account already in the program is refused, naming the open enrolment", async () => {
    await expect(
      enterLighthouse(await as(account.ae), { accountId: account.id, reason: "Worried about the renewal" }),
    ).rejects.toMatchObject({ code: "conflict", details: { enrolmentId } });
  });

  it("LH-1: someone who is neither on the account's team nor leadership cannot enter it", async () => {
    const [other] = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from "user" where 'ta' = any(roles) and id <> ${account.ta} order by id limit 1`,
    );
    await expect(
      enterLighthouse(await as(other!.id), { accountId: account.id, reason: "Not my account" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("LH-2: a bound criterion checks itself when its measure moves; a manual one is met with evidence; then exit proposed", async () => {
    const plan = savePlanInputSchema.parse({
      problem: "The champion left and usage halved.",
      goal: "A new champion and steady usage before the renewal.",
      criteria: [
        {
          criterion: { kind: "bound", measure: "activeChampion", comparison: "is", value: true },
          steps: [{ title: "Meet the new VP Engineering", ownerId: account.ta, dueOn: "2026-11-15" }],
        },
        {
          criterion: { kind: "manual", description: "The customer signs off the rollout plan" },
          steps: [{ title: "Draft the rollout plan with the AE", ownerId: account.ae, dueOn: "2026-11-20" }],
        },
      ],
    });
    await saveSavePlan(await as(account.ta), { enrolmentId, expectedVersion: 1, plan });
    let detail = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(detail.plan?.goal).toBe(plan.goal);
    expect(detail.criteria.map((c) => [c.description, c.status])).toEqual([
      ["The account has an active champion", detail.criteria[0]!.status],
      ["The customer signs off the rollout plan", "unmet"],
    ]);
    expect(detail.criteria[0]!.status).not.toBe("met");
    expect(
      detail.criteria.flatMap((c) => c.steps.map((s) => [s.title, s.owner?.id, s.taskId !== null])),
    ).toEqual([
      ["Meet the new VP Engineering", account.ta, true],
      ["Draft the rollout plan with the AE", account.ae, true],
    ]);
    // A stale version is refused and changes nothing.
    await expect(
      saveSavePlan(await as(account.ta), {
        enrolmentId,
        expectedVersion: 1,
        plan: { ...plan, goal: "Other" },
      }),
    ).rejects.toMatchObject({ code: "precondition_failed" });

    // The TA records the new champion: the health recompute checks the criterion.
    const [traits] = await queryRows<{ version: number }>(
      handle.db,
      sql`select coalesce((select version from account_manual_traits where account_id = ${account.id}::uuid), 0) as version`,
    );
    await setManualTraits(await as(account.ta, `${TODAY}T16:00:00Z`), {
      accountId: account.id,
      expectedVersion: traits!.version,
      patch: { activeChampion: true },
    });
    detail = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(detail.criteria[0]).toMatchObject({
      status: "met",
      value: "yes",
      reason: "The account has an active champion: met.",
    });
    expect(detail.criteria[0]!.history.at(-1)).toMatchObject({
      status: "met",
      at: "2026-11-01T16:00:00.000Z",
    });
    expect(detail.state).toBe("entered");

    await recordCriterionEvidence(await as(account.ta, `${TODAY}T17:00:00Z`), {
      enrolmentId,
      criterionId: detail.criteria[1]!.id,
      expectedVersion: detail.version,
      evidence: { evidence: "Signed in the steering meeting", metOn: TODAY },
    });
    detail = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(detail.progress).toEqual({ met: 2, total: 2, allMet: true });
    expect(detail.state).toBe("exit_proposed");
    expect(detail.stateReason).toMatch(/Every success criterion is met \(2 of 2\)/);
    // The TA may not approve the exit; leadership may.
    expect(detail.actions.approveExit).toBe(false);
    expect((await getEnrolment(await as("usr_manager"), { enrolmentId })).actions.approveExit).toBe(true);

    // A bound criterion takes no evidence.
    await expect(
      recordCriterionEvidence(await as(account.ta), {
        enrolmentId,
        criterionId: detail.criteria[0]!.id,
        expectedVersion: detail.version,
        evidence: { evidence: "x", metOn: TODAY },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("LH-2: rewriting the plan keeps an unchanged criterion's history and evidence", async () => {
    const before = await getEnrolment(await as(account.ta), { enrolmentId });
    const plan = savePlanInputSchema.parse({
      problem: before.plan!.problem,
      goal: "A new champion, steady usage and an exec sponsor engaged.",
      criteria: before.criteria.map((c) => ({ criterion: c.definition, steps: [] })),
    });
    await saveSavePlan(await as(account.ta), { enrolmentId, expectedVersion: before.version, plan });
    const after = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(after.criteria.map((c) => c.id)).toEqual(before.criteria.map((c) => c.id));
    expect(after.criteria[1]!.evidence?.text).toBe("Signed in the steering meeting");
    expect(after.criteria[0]!.history).toEqual(before.criteria[0]!.history);
    expect(after.criteria.flatMap((c) => c.steps)).toEqual([]);
  });

  it("LH-4: the TA posts a weekly update; it shows on the enrolment, newest first", async () => {
    await postLighthouseUpdate(await as(account.ta, "2026-11-02T10:00:00Z"), {
      enrolmentId,
      update: {
        progress: "Met the new VP",
        blockers: "",
        risks: "Budget review in December",
        asks: "Exec call",
      },
    });
    const detail = await getEnrolment(await as(account.ta), { enrolmentId });
    expect(detail.updates[0]).toMatchObject({
      progress: "Met the new VP",
      risks: "Budget review in December",
    });
    await expect(
      postLighthouseUpdate(await as(account.ae), { enrolmentId, update: { progress: "Not mine to post" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("Lighthouse cadence", () => {
  it("LH-4 / X-6: a stay without a weekly update for more than seven days is on the compliance list", async () => {
    const list = async (day: string) =>
      (await listComplianceLists(await as("usr_manager", `${day}T09:00:00Z`), {})).lists.find(
        (l) => l.id === "lighthouse-updates-late",
      )!;
    // The last update was on 2026-11-02: due again by 2026-11-09.
    expect((await list("2026-11-09")).items.map((i) => i.accountId)).not.toContain(account.id);
    const late = (await list("2026-11-12")).items.find((i) => i.accountId === account.id);
    expect(late).toMatchObject({ dueOn: "2026-11-09", daysLate: 3, detail: "last weekly update 2026-11-02" });
  });
});

describe("Lighthouse exit and the program", () => {
  const open = async () => {
    const [row] = await queryRows<{ id: string; version: number }>(
      handle.db,
      sql`select id::text, version from lighthouse_enrolments where account_id = ${account.id}::uuid and exited_at is null`,
    );
    return row!;
  };

  it("LH-5: one approval from TS leadership and one from Sales leadership exit the account as saved", async () => {
    const [sales] = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from "user" where leadership_side = 'sales' and 'manager' = any(roles) order by id limit 1`,
    );
    let enrolment = await open();
    await expect(
      approveLighthouseExit(await as(account.ta), {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await approveLighthouseExit(await as("usr_manager"), {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
      }),
    ).toEqual({ exited: false, side: "ts" });
    enrolment = await open();
    await expect(
      approveLighthouseExit(await as("usr_manager"), {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already approved/) });
    expect(
      await approveLighthouseExit(await as(sales!.id, `${TODAY}T18:00:00Z`), {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
      }),
    ).toEqual({ exited: true, side: "sales" });
    const detail = await getEnrolment(await as(account.ta), { enrolmentId: enrolment.id });
    expect(detail).toMatchObject({ state: "exited", exit: { outcome: "saved" }, actions: { update: false } });
    expect(detail.approvals.map((a) => a.side)).toEqual(["ts", "sales"]);
    await expect(
      postLighthouseUpdate(await as(account.ta), {
        enrolmentId: enrolment.id,
        update: { progress: "Late news" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    // The account may enter again later: a new stay, not the old one reopened.
    const again = await enterLighthouse(await as(account.ta, "2026-11-03T09:00:00Z"), {
      accountId: account.id,
      reason: "Usage dropped again.",
    });
    expect(again.enrolmentId).not.toBe(enrolment.id);
    await closeLighthouseEnrolment(await as("usr_manager", "2026-11-03T10:00:00Z"), {
      enrolmentId: again.enrolmentId,
      expectedVersion: 1,
      outcome: "withdrawn",
      note: "Entered by mistake: the drop was a holiday.",
    });
  });

  it("LH-5: the master list and the metrics count the saved account", async () => {
    const ctx = await as("usr_manager", "2026-11-04T09:00:00Z");
    const exited = await listEnrolments(ctx, {
      status: "exited",
      sort: "enteredAt",
      order: "asc",
      page: 1,
      pageSize: 50,
    });
    expect(exited.items.map((e) => [e.accountId, e.exit?.outcome])).toEqual([
      [account.id, "saved"],
      [account.id, "withdrawn"],
    ]);
    const metrics = await getLighthouseMetrics(ctx);
    expect(metrics.exits).toMatchObject({ saved: 1, withdrawn: 1 });
    expect(metrics.saveRate).toBe(1);
    expect(metrics.medianDaysInProgram).toBe(0); // both stays began and ended on one day
  });

  it("LH-4: the sync's agenda lists who left and who is new; recording the sync presents the new plans", async () => {
    const ctx = await as("usr_manager", "2026-11-04T09:00:00Z");
    const agenda = await getLighthouseAgenda(ctx, { date: "2026-11-04" });
    expect(agenda.previousSyncOn).toBeNull();
    expect(agenda.exited.map((e) => e.accountName).length).toBe(2);
    expect(agenda.markdown).toContain("## Left the program (2)");
    const recorded = await recordLighthouseSync(ctx, {
      heldOn: "2026-11-04",
      attendeeIds: ["usr_manager"],
      post: true,
    });
    await expect(
      recordLighthouseSync(ctx, { heldOn: "2026-11-04", attendeeIds: [], post: false }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      recordLighthouseSync(ctx, { heldOn: "2026-11-03", attendeeIds: ["nobody"], post: false }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    const next = await getLighthouseAgenda(ctx, { date: "2026-11-18" });
    expect(next.previousSyncOn).toBe("2026-11-04");
    expect(next.exited).toEqual([]);
    expect(recorded.presented).toBe(agenda.newEntrants.filter((e) => e.plan !== null).length);
  });
});

describe("Lighthouse entry from the renewal process", () => {
  it("LH-1 / R-2: an approved red renewal assessment enters its account automatically", async () => {
    // This small company skips the playbook replay: open its current renewals as the sweep would.
    await syncRenewals(handle.db, { today: TODAY, at: new Date(`${TODAY}T06:00:00Z`) });
    const [renewal] = await queryRows<{ id: string; account_id: string; ta: string; version: number }>(
      handle.db,
      sql`select r.id::text, r.account_id::text, ta.user_id as ta, r.version from renewals r
        join account_team ta on ta.account_id = r.account_id and ta.role = 'ta'
        where r.processed_at is null and r.rating is distinct from 'red'
          and not exists (select 1 from lighthouse_enrolments e where e.account_id = r.account_id and e.exited_at is null)
        order by r.due_date limit 1`,
    );
    const [sales] = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from "user" where leadership_side = 'sales' and 'manager' = any(roles) order by id limit 1`,
    );
    let detail = await assessRenewal(await as(renewal!.ta), {
      renewalId: renewal!.id,
      expectedVersion: renewal!.version,
      assessment: { rating: "red", summary: "Usage collapsed after the reorg." },
    });
    detail = await approveRenewalAssessment(await as("usr_manager"), {
      renewalId: renewal!.id,
      expectedVersion: detail.version,
    });
    const enrolled = () =>
      queryRows<{ source: string; renewal_id: string | null; reason: string }>(
        handle.db,
        sql`select source, renewal_id::text, reason from lighthouse_enrolments where account_id = ${renewal!.account_id}::uuid`,
      );
    expect(await enrolled()).toEqual([]); // one side is not yet an approved rating
    await approveRenewalAssessment(await as(sales!.id), {
      renewalId: renewal!.id,
      expectedVersion: detail.version,
    });
    const [enrolment] = await enrolled();
    expect(enrolment).toMatchObject({ source: "red_assessment", renewal_id: renewal!.id });
    expect(enrolment!.reason).toMatch(/rated red and approved by TS and Sales leadership/);
  });
});
