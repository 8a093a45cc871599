import { queryRows, schema } from "@keel/db";
import { addDays, isoWeekOf } from "@keel/domain";
import { syncRenewals } from "@keel/services";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, TEST_TODAY, type TestApp } from "../testing/test-app.ts";

const clock = { now: new Date(`${TEST_TODAY}T12:00:00Z`) };
let t: TestApp;

const TA = "ta@keel.test";
const AE = "ae@keel.test";
const TS_MANAGER = "manager@keel.test";
const SALES_MANAGER = "sales-manager@keel.test";

beforeAll(async () => {
  t = await createTestApp(inject("dbTemplate"), { clock });
  await syncRenewals(t.db, { today: TEST_TODAY, at: clock.now, accountIds: undefined });
});
afterAll(() => t.close());

/** An open renewal due within `withinDays` on an account of Tess (TA) and Evan (AE), ARR ≥ `minArr`. */
async function renewalOfTessAndEvan({
  withinDays = 120,
  minArrCents = 0,
  skip = 0,
  smallestFirst = false,
} = {}) {
  const rows = await queryRows<{ id: string; account_id: string }>(
    t.db,
    sql`select r.id::text, r.account_id::text from renewals r join accounts a on a.id = r.account_id
      where r.processed_at is null and r.due_date between ${TEST_TODAY}::date and ${TEST_TODAY}::date + ${withinDays}::int
        and a.arr_cents >= ${minArrCents}
        and exists (select 1 from account_team s where s.account_id = a.id and s.role = 'ta' and s.user_id = 'usr_ta')
        and exists (select 1 from account_team s where s.account_id = a.id and s.role = 'ae' and s.user_id = 'usr_ae')
      order by ${smallestFirst ? sql`a.arr_cents,` : sql``} r.due_date, r.id offset ${skip} limit 1`,
  );
  if (!rows[0]) throw new Error("the test seed has no such renewal");
  return { id: rows[0].id, accountId: rows[0].account_id };
}

async function detail(id: string) {
  const res = await t.call(TA, `/api/v1/renewals/${id}`);
  expect(res.status).toBe(200);
  return res.json;
}

const put = (email: string, path: string, version: number, body: unknown) =>
  t.call(email, path, { method: "PUT", headers: { "If-Match": `"${version}"` }, body });
const post = (email: string, path: string, body: unknown, version?: number) =>
  t.call(email, path, {
    method: "POST",
    headers: version === undefined ? {} : { "If-Match": `"${version}"` },
    body,
  });

describe("renewals (SPEC §5)", () => {
  it("R-1/R-2, X-6: a TA rates yellow, both managers approve, and the save plan document and task appear", async () => {
    const { id, accountId } = await renewalOfTessAndEvan();
    let renewal = await detail(id);
    expect(renewal.phase).toBe("health_assessment");
    expect(renewal.actions).toMatchObject({ assess: true, plan: false, process: false, approveAs: null });

    const assessed = await put(TA, `/api/v1/renewals/${id}/assessment`, renewal.version, {
      rating: "yellow",
      summary: "Usage dipped after the reorg; champion still engaged",
    });
    expect(assessed.status).toBe(200);
    expect(assessed.json).toMatchObject({ rating: "yellow", phase: "health_assessment" });
    expect(assessed.json.reason).toMatch(/waiting for/i);

    // R-2: only managers approve; each for their own side.
    for (const who of [TA, AE, "exec@keel.test"]) {
      expect(
        (await post(who, `/api/v1/renewals/${id}/assessment/approvals`, {}, assessed.json.version)).status,
      ).toBe(403);
    }
    const otherSide = await post(
      TS_MANAGER,
      `/api/v1/renewals/${id}/assessment/approvals`,
      { side: "sales" },
      assessed.json.version,
    );
    expect(otherSide.status).toBe(403);
    const ts = await post(
      TS_MANAGER,
      `/api/v1/renewals/${id}/assessment/approvals`,
      {},
      assessed.json.version,
    );
    expect(ts.status).toBe(200);
    expect(ts.json.approvals).toMatchObject({ ts: true, sales: false, complete: false });
    // Approved for TS: nothing more for the TS manager to do; Sales is still asked.
    expect((await t.call(TS_MANAGER, `/api/v1/renewals/${id}`)).json.actions.approveAs).toBeNull();
    expect((await t.call(SALES_MANAGER, `/api/v1/renewals/${id}`)).json.actions.approveAs).toBe("sales");
    const sales = await post(
      SALES_MANAGER,
      `/api/v1/renewals/${id}/assessment/approvals`,
      {},
      ts.json.version,
    );
    expect(sales.status).toBe(200);
    renewal = sales.json;
    expect(renewal.phase).toBe("save_plan");
    expect(renewal.savePlan).toBe("current");
    expect(renewal.documents.savePlanId).toEqual(expect.any(String));
    const [task] = await t.db
      .select({
        title: schema.tasks.title,
        documentId: schema.tasks.documentId,
        assigneeId: schema.tasks.assigneeId,
      })
      .from(schema.tasks)
      .where(eq(schema.tasks.documentId, renewal.documents.savePlanId));
    expect(task).toMatchObject({ assigneeId: "usr_ta", title: expect.stringMatching(/Save Plan/) });

    // X-6: a save plan not updated in a week goes on the compliance list, and the renewal says so.
    await t.db.execute(
      sql`update documents set updated_at = ${`${addDays(TEST_TODAY, -10)}T12:00:00Z`}::timestamptz where id = ${renewal.documents.savePlanId}::uuid`,
    );
    expect((await detail(id)).savePlan).toBe("stale");
    const compliance = await t.call(TS_MANAGER, "/api/v1/compliance");
    const late = compliance.json.lists.find((list: { id: string }) => list.id === "save-plans-not-updated");
    expect(late.items.map((i: { accountId: string }) => i.accountId)).toContain(accountId);
  });

  it("R-2: a red rating, once approved, sends renewal.assessed.red and tells leadership; a new rating needs approving again", async () => {
    const { id } = await renewalOfTessAndEvan({ skip: 1 });
    let renewal = await detail(id);
    renewal = (
      await put(TA, `/api/v1/renewals/${id}/assessment`, renewal.version, {
        rating: "green",
        summary: "Fine",
      })
    ).json;
    renewal = (await post(TS_MANAGER, `/api/v1/renewals/${id}/assessment/approvals`, {}, renewal.version))
      .json;
    renewal = (
      await put(TA, `/api/v1/renewals/${id}/assessment`, renewal.version, {
        rating: "red",
        summary: "Champion left, budget cut",
      })
    ).json;
    expect(renewal.approvals).toMatchObject({ ts: false, sales: false });
    renewal = (await post(TS_MANAGER, `/api/v1/renewals/${id}/assessment/approvals`, {}, renewal.version))
      .json;
    renewal = (await post(SALES_MANAGER, `/api/v1/renewals/${id}/assessment/approvals`, {}, renewal.version))
      .json;
    expect(renewal.phase).toBe("lighthouse");
    const notes = await t.call(TS_MANAGER, "/api/v1/notifications?pageSize=200");
    expect(notes.json.items.map((n: { message: string }) => n.message)).toContainEqual(
      expect.stringContaining(`${renewal.accountName} was rated red`),
    );
  });

  it("R-4/R-5/R-6/R-7, L-5, X-5: the AE plans, forecasts in two weeks, processes a $200,000 partial churn; a retro starts", async () => {
    const { id, accountId } = await renewalOfTessAndEvan({ withinDays: 365, minArrCents: 25_000_000 });
    const [account] = await t.db
      .select({
        arr: schema.accounts.arrCents,
        seats: schema.accounts.seatsPurchased,
        stage: schema.accounts.lifecycleStage,
      })
      .from(schema.accounts)
      .where(eq(schema.accounts.id, accountId));
    let renewal = await detail(id);
    // X-5: the accuracy report as it stands (kept as a snapshot until a renewal is processed).
    const accuracyBefore = (await t.call(TS_MANAGER, "/api/v1/renewals/accuracy?by=ae")).json;
    expect((await t.call(TS_MANAGER, "/api/v1/renewals/accuracy?by=ae")).json).toEqual(accuracyBefore);
    // Only the AE (and admins) write the plan, forecast and outcome.
    expect(
      (
        await put(TA, `/api/v1/renewals/${id}/plan`, renewal.version, {
          projectedOutcome: "flat",
          expectedArrCents: 1,
        })
      ).status,
    ).toBe(403);
    const planned = await put(AE, `/api/v1/renewals/${id}/plan`, renewal.version, {
      projectedOutcome: "partial_churn",
      expectedArrCents: account!.arr - 15_000_000,
    });
    expect(planned.status).toBe(200);
    expect(planned.json.phase).toBe("renewal_plan");

    const first = await post(AE, `/api/v1/renewals/${id}/forecasts`, {
      outcome: "partial_churn",
      expectedArrCents: account!.arr - 15_000_000,
      expectedSeats: account!.seats - 5,
    });
    expect(first.status).toBe(201);
    clock.now = new Date(`${addDays(TEST_TODAY, 7)}T12:00:00Z`);
    try {
      const second = await post(AE, `/api/v1/renewals/${id}/forecasts`, {
        outcome: "partial_churn",
        expectedArrCents: account!.arr - 20_000_000,
        expectedSeats: account!.seats - 10,
        note: "Procurement confirmed the cut",
      });
      expect(second.status).toBe(201);
      renewal = second.json;
      expect(renewal.phase).toBe("renewal_forecast");
      expect(renewal.forecasts.map((f: { week: string }) => f.week)).toEqual([
        isoWeekOf(addDays(TEST_TODAY, 7)),
        isoWeekOf(TEST_TODAY),
      ]);
      const lastWeek = renewal.weekly.at(-1);
      expect(lastWeek).toMatchObject({ carried: false, arrChangeCents: -5_000_000 });

      // Bad input: an outcome that does not fit the numbers, a negative ARR, a stale version.
      const flatButFell = await post(
        AE,
        `/api/v1/renewals/${id}/process`,
        { outcome: "flat", arrAfterCents: account!.arr - 1, seatsAfter: account!.seats },
        renewal.version,
      );
      expect(flatButFell.status).toBe(422);
      expect(flatButFell.json.details.map((d: { path: string }) => d.path)).toContain("outcome");
      const negative = await post(
        AE,
        `/api/v1/renewals/${id}/process`,
        { outcome: "partial_churn", arrAfterCents: -1, seatsAfter: 1 },
        renewal.version,
      );
      expect(negative.status).toBe(400);
      expect(negative.json.details[0].path).toBe("arrAfterCents");
      const stale = await post(
        AE,
        `/api/v1/renewals/${id}/process`,
        { outcome: "flat", arrAfterCents: account!.arr, seatsAfter: account!.seats },
        renewal.version - 1,
      );
      expect(stale.status).toBe(412);

      const processed = await post(
        AE,
        `/api/v1/renewals/${id}/process`,
        {
          outcome: "partial_churn",
          arrAfterCents: account!.arr - 20_000_000,
          seatsAfter: account!.seats - 10,
          closedLostCategory: "budget",
          churnReason: "Budget cut after the reorg",
        },
        renewal.version,
      );
      expect(processed.status).toBe(200);
      expect(processed.json).toMatchObject({ phase: "processed", outcome: "partial_churn" });
      expect(processed.json.churnRetroId).toEqual(expect.any(String));
      expect(processed.json.documents.churnRetroId).toEqual(expect.any(String));

      // R-6: the account takes the outcome and its next date; L-5: it leaves "4. Renewing".
      const [after] = await t.db
        .select({
          arr: schema.accounts.arrCents,
          seats: schema.accounts.seatsPurchased,
          renewalDate: schema.accounts.renewalDate,
          stage: schema.accounts.lifecycleStage,
        })
        .from(schema.accounts)
        .where(eq(schema.accounts.id, accountId));
      expect(after).toMatchObject({
        arr: account!.arr - 20_000_000,
        seats: account!.seats - 10,
        renewalDate: processed.json.nextRenewalDate,
      });
      expect(after!.stage).not.toBe("renewing");
      const next = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from renewals where account_id = ${accountId}::uuid and processed_at is null and due_date = ${processed.json.nextRenewalDate}::date`,
      );
      expect(next[0]!.n).toBe(1);

      // X-5: its health at the weeks-out bands of its two forecasts is kept for future data forecasts.
      const bands = await queryRows<{ band: string }>(
        t.db,
        sql`select band from renewal_outcome_bands where renewal_id = ${id}::uuid`,
      );
      expect(bands.length).toBeGreaterThanOrEqual(1);

      // Processing twice, or forecasting a processed renewal: 409, the first result stands.
      expect(
        (
          await post(
            AE,
            `/api/v1/renewals/${id}/process`,
            { outcome: "flat", arrAfterCents: 0, seatsAfter: 0 },
            processed.json.version,
          )
        ).status,
      ).toBe(409);
      expect(
        (
          await post(AE, `/api/v1/renewals/${id}/forecasts`, {
            outcome: "flat",
            expectedArrCents: 1,
            expectedSeats: 1,
          })
        ).status,
      ).toBe(409);

      // R-7: the retro with its review task; it lists, and it takes calls to action.
      const retro = await t.call(TA, `/api/v1/churn-retros/${processed.json.churnRetroId}`);
      expect(retro.json).toMatchObject({
        arrLostCents: 20_000_000,
        closedLostCategory: "budget",
        sponsor: { id: "usr_manager" },
      });
      expect(retro.json.reviewTaskId).toEqual(expect.any(String));
      // The TA edits the retro; the AE reads it (the UI offers its forms to the TA only).
      expect(retro.json.canEdit).toBe(true);
      expect((await t.call(AE, `/api/v1/churn-retros/${retro.json.id}`)).json.canEdit).toBe(false);
      const action = await post(TA, `/api/v1/churn-retros/${retro.json.id}/actions`, {
        title: "Multi-thread every strategic account",
        ownerId: "usr_manager",
        dueDate: "2026-12-15",
      });
      expect(action.status).toBe(201);
      expect(action.json.openActions).toBe(1);

      // §11 quarterly forecast and X-5 accuracy include it.
      const quarter = (await t.call(AE, "/api/v1/renewals/forecast")).json.quarters;
      expect(quarter.some((q: { processedCount: number }) => q.processedCount >= 1)).toBe(true);
      const accuracy = (await t.call(TS_MANAGER, "/api/v1/renewals/accuracy?by=ae")).json;
      expect(accuracy.groups.find((g: { key: string }) => g.key === "Evan Carter")).toMatchObject({
        forecastCount: expect.any(Number),
      });
      expect(accuracy.forecasts).toBe(accuracyBefore.forecasts + 2);
      expect(accuracy.renewals).toBe(accuracyBefore.renewals + 1);
    } finally {
      clock.now = new Date(`${TEST_TODAY}T12:00:00Z`);
    }
  });

  it("R-7: exactly $150,000 lost is not a retro; a rating outside green/yellow/red is a 400", async () => {
    const { id, accountId } = await renewalOfTessAndEvan({
      withinDays: 365,
      minArrCents: 16_000_000,
      smallestFirst: true,
    });
    const [account] = await t.db
      .select({ arr: schema.accounts.arrCents, seats: schema.accounts.seatsPurchased })
      .from(schema.accounts)
      .where(eq(schema.accounts.id, accountId));
    const renewal = await detail(id);
    const purple = await put(TA, `/api/v1/renewals/${id}/assessment`, renewal.version, {
      rating: "purple",
      summary: "x",
    });
    expect(purple.status).toBe(400);
    expect(purple.json.details[0].path).toBe("rating");
    const processed = await post(
      AE,
      `/api/v1/renewals/${id}/process`,
      { outcome: "partial_churn", arrAfterCents: account!.arr - 15_000_000, seatsAfter: account!.seats - 1 },
      renewal.version,
    );
    expect(processed.status).toBe(200);
    expect(processed.json.churnRetroId).toBeNull();
  });

  it("R-2: the T-120 playbook's task links to the Health Assessment it asks for; its hints are placeholders", async () => {
    const tasks = await queryRows<{ template_id: string | null; title: string }>(
      t.db,
      sql`select d.template_id, t.title from tasks t left join documents d on d.id = t.document_id
        where t.rule_id = 'R-2' and t.source = 'playbook' and t.title like 'Complete the Health Assessment%'`,
    );
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.template_id === "health-assessment")).toBe(true);
    const mine = await t.call(TA, "/api/v1/tasks?pageSize=200&status=all");
    const assessment = mine.json.items.find((task: { title: string }) =>
      task.title.startsWith("Complete the Health Assessment"),
    );
    expect(assessment?.documentId).toEqual(expect.any(String));
    const doc = await t.call(TA, `/api/v1/documents/${assessment.documentId}`);
    const value = doc.json.sections.find((section: { id: string }) => section.id === "value");
    expect(value).toMatchObject({ body: "", prompt: "Outcomes achieved against the success plan." });
  });

  it("R-3: the review list holds open renewals within 180 days with yellow or red health, with when and why", async () => {
    const list = await t.call(TS_MANAGER, "/api/v1/renewals/review-list");
    expect(list.status).toBe(200);
    expect(list.json.items.length).toBeGreaterThan(0);
    for (const item of list.json.items) {
      expect(["yellow", "red"]).toContain(item.healthCategory);
      expect(item.daysLeft).toBeLessThanOrEqual(180);
      expect(item.reason).toMatch(/health/i);
      expect(item.enteredOn <= TEST_TODAY).toBe(true);
    }
  });

  it("R-1: the pipeline pages on the server, counts phases, and 'mine' means any seat (an AE sees their accounts)", async () => {
    const mine = await t.call(AE, "/api/v1/renewals?owner=mine&pageSize=5&sort=arr&order=desc");
    expect(mine.status).toBe(200);
    expect(mine.json.items.length).toBeGreaterThan(0);
    expect(mine.json.items.every((r: { ae: { id: string } | null }) => r.ae?.id === "usr_ae")).toBe(true);
    const arrs = mine.json.items.map((r: { arrAtStakeCents: number }) => r.arrAtStakeCents);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    expect(mine.json.phases.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(
      mine.json.total,
    );
    expect((await t.call(AE, "/api/v1/renewals?quarter=2027-Q5")).status).toBe(400);
    const first = mine.json.items[0];
    const ofAccount = await t.call(TA, `/api/v1/renewals?accountId=${first.accountId}`);
    expect(ofAccount.json.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
  });

  it("R-6: an overdue renewal tells the AE and TA leadership once", async () => {
    const { id, accountId } = await renewalOfTessAndEvan({ withinDays: 365, skip: 3 });
    const dueDate = addDays(TEST_TODAY, -3);
    await t.db.execute(
      sql`update accounts set renewal_date = ${dueDate}::date where id = ${accountId}::uuid`,
    );
    const first = await syncRenewals(t.db, { today: TEST_TODAY, at: clock.now, accountIds: [accountId] });
    expect(first).toMatchObject({ moved: 1, overdueNotified: 1 });
    expect(await detail(id)).toMatchObject({ dueDate, overdue: true });
    const told = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from notifications where account_id = ${accountId}::uuid and rule_id = 'R-6'`,
    );
    expect(told.map((n) => n.user_id).sort()).toEqual(["usr_ae", "usr_manager", "usr_sales_manager"]);
    const again = await syncRenewals(t.db, { today: TEST_TODAY, at: clock.now, accountIds: [accountId] });
    expect(again.overdueNotified).toBe(0);
  });
});
