import { randomUUID } from "node:crypto";
import type { DbHandle } from "@keel/db";
import { queryRows } from "@keel/db";
import { accounts, accountTeam, contacts } from "@keel/db/schema";
import { openTestDatabase } from "@keel/db/testing";
import { addDays, handoffPlaybook, type LifecycleStage, type Playbook, type TeamRole } from "@keel/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { insertTestPeople } from "#testing/people.ts";
import { ensureBuiltinPlaybooks } from "./catalog.ts";
import { evaluateAccounts, planAutomation } from "./engine.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDatabase(inject("dbTemplate"));
  // People only (TAs, CEs, AEs, the manager): every account here is made by hand.
  await insertTestPeople(handle.db);
  await ensureBuiltinPlaybooks(handle.db, new Date("2026-01-01T00:00:00Z"));
});
afterAll(() => handle.close());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(handle.db, query);

type AccountInput = {
  name?: string;
  arrCents?: number;
  closeDate?: string | null;
  contractStart?: string | null;
  renewalDate?: string | null;
  stage?: LifecycleStage;
  supportLevel?: "none" | "dedicated" | "pooled" | "scaled";
  supportLevelSetAt?: Date | null;
  segment?: "strategic" | "enterprise" | "mid-market" | "smb";
  scaled?: boolean;
  team?: Partial<Record<TeamRole, string>>;
};

/** A hand-made account with precise dates; the team defaults to ta@, ce@ and ae@. */
async function makeAccount(input: AccountInput = {}): Promise<string> {
  const id = randomUUID();
  await handle.db.insert(accounts).values({
    id,
    name: input.name ?? `Acme ${id.slice(0, 8)}`,
    domain: `${id.slice(0, 8)}.example`,
    arrCents: input.arrCents ?? 30_000_000,
    seatsPurchased: 100,
    contractStart: input.contractStart ?? null,
    closeDate: input.closeDate ?? null,
    renewalDate: input.renewalDate ?? null,
    supportLevel: input.supportLevel ?? "dedicated",
    supportLevelSetAt:
      input.supportLevelSetAt === undefined ? new Date("2026-01-01T00:00:00Z") : input.supportLevelSetAt,
    segment: input.segment ?? "enterprise",
    scaled: input.scaled ?? false,
    lifecycleStage: input.stage ?? "adopting",
    deployment: "cloud",
  });
  const team = input.team ?? { ta: "usr_ta", ce: "usr_ce", ae: "usr_ae" };
  const seats = Object.entries(team).map(([role, userId]) => ({
    accountId: id,
    role: role as TeamRole,
    userId,
    assignedAt: new Date("2026-01-01T00:00:00Z"),
  }));
  if (seats.length > 0) await handle.db.insert(accountTeam).values(seats);
  return id;
}

/** The current health row with these trait values (what playbooks read, H-2). */
async function setHealth(
  accountId: string,
  category: "green" | "yellow" | "red",
  values: Record<string, unknown> = {},
) {
  const inputs = JSON.stringify({ asOf: "2026-01-01", values, facts: {} });
  await handle.db.execute(
    sql`insert into account_health (account_id, score, category, policy_version, computed_at, breakdown, inputs)
      values (${accountId}::uuid, 50, ${category}, 1, now(), '{"categories":[],"traits":[]}'::jsonb, ${inputs}::jsonb)
      on conflict (account_id) do update set category = excluded.category, inputs = excluded.inputs,
        revision = account_health.revision + 1`,
  );
}

/** One sweep for these accounts on `today`, in its own transaction, at 06:00 UTC. */
const sweep = (today: string, accountIds: readonly string[], extra: { playbooks?: Playbook[] } = {}) =>
  handle.db.transaction((tx) =>
    evaluateAccounts(tx, { accountIds, today, at: new Date(`${today}T06:00:00Z`), ...extra }),
  );

type FiringRow = {
  occurrence_key: string;
  playbook_version: number;
  rule_id: string;
  occurrence: string;
  reason: string;
  outcome: Record<string, unknown>;
};
const firings = (accountId: string, playbookId: string) =>
  rows<FiringRow>(
    sql`select occurrence_key, playbook_version, rule_id, occurrence, reason, outcome from playbook_firings
      where account_id = ${accountId}::uuid and playbook_id = ${playbookId} order by occurrence_key`,
  );

type TaskRow = {
  title: string;
  assignee_id: string | null;
  due_date: string;
  source: string;
  rule_id: string | null;
  project_id: string | null;
};
const tasksOf = (accountId: string) =>
  rows<TaskRow>(
    sql`select title, assignee_id, due_date::text as due_date, source, rule_id, project_id::text as project_id
      from tasks where account_id = ${accountId}::uuid order by created_at, title`,
  );
const notificationsOf = (accountId: string) =>
  rows<{ user_id: string; message: string; rule_id: string | null }>(
    sql`select user_id, message, rule_id from notifications where account_id = ${accountId}::uuid order by id`,
  );
const documentsOf = (accountId: string) =>
  rows<{ template_id: string; title: string; owner_id: string | null; rule_id: string | null }>(
    sql`select template_id, title, owner_id, rule_id from documents where account_id = ${accountId}::uuid`,
  );
const accountRow = async (accountId: string) =>
  (
    await rows<{
      segment: string;
      pooled: boolean;
      scaled: boolean;
      red_account: boolean;
      lifecycle_stage: string;
    }>(
      sql`select segment, pooled, scaled, red_account, lifecycle_stage from accounts where id = ${accountId}::uuid`,
    )
  )[0]!;

describe("date-triggered built-in playbooks fire on their day, not the day before", () => {
  it("A-3 hand-off at T-30: a Handoff Doc rendered with the account name and the CE's task", async () => {
    const d = "2026-03-02";
    const id = await makeAccount({ name: "Handoff Co", closeDate: addDays(d, 30), stage: "prospect" });
    await sweep(addDays(d, -1), [id]);
    expect(await firings(id, "pre-to-post-sales-handoff")).toEqual([]);
    expect(await documentsOf(id)).toEqual([]);

    await sweep(d, [id]);
    const fired = await firings(id, "pre-to-post-sales-handoff");
    expect(fired).toHaveLength(2);
    expect(fired.every((f) => f.playbook_version === 2 && f.rule_id === "A-3")).toBe(true);
    expect(fired[0]!.reason).toContain(`closeDate-30 days: closeDate ${addDays(d, 30)} → ${d}`);
    expect(await documentsOf(id)).toEqual([
      { template_id: "handoff", title: "Handoff: Handoff Co", owner_id: "usr_ce", rule_id: "A-3" },
    ]);
    const [task] = (await tasksOf(id)).filter((t) => t.title.startsWith("Fill out the Handoff Doc"));
    expect(task).toMatchObject({
      assignee_id: "usr_ce",
      due_date: addDays(d, 7),
      source: "playbook",
      rule_id: "A-3",
    });
  });

  it("A-3 support level: leadership is reminded the day after T-45 when none is set, not when set", async () => {
    const d = "2026-03-10";
    const unset = await makeAccount({
      name: "No Support Level Inc",
      closeDate: addDays(d, 44),
      stage: "prospect",
      supportLevel: "none",
      supportLevelSetAt: null,
    });
    const set = await makeAccount({ closeDate: addDays(d, 44), stage: "prospect" });
    await sweep(addDays(d, -1), [unset, set]);
    expect(await firings(unset, "handoff-support-level-reminder")).toEqual([]);
    expect(await notificationsOf(unset)).toEqual([]);

    await sweep(d, [unset, set]);
    expect(await firings(unset, "handoff-support-level-reminder")).toHaveLength(1);
    expect(await notificationsOf(unset)).toEqual([
      {
        user_id: "usr_manager",
        message: `T-45 has passed and no support level is set for No Support Level Inc (closes ${addDays(d, 44)})`,
        rule_id: "A-3",
      },
    ]);
    expect(await firings(set, "handoff-support-level-reminder")).toEqual([]);
  });

  it("A-3 TA: leadership is reminded after T-35 without a TA", async () => {
    const d = "2026-03-20";
    const id = await makeAccount({
      name: "No TA Ltd",
      closeDate: addDays(d, 34),
      stage: "prospect",
      team: { ce: "usr_ce", ae: "usr_ae" },
    });
    await sweep(addDays(d, -1), [id]);
    expect(await firings(id, "handoff-ta-assignment-reminder")).toEqual([]);
    await sweep(d, [id]);
    expect((await notificationsOf(id)).filter((n) => n.message.startsWith("T-35"))).toEqual([
      {
        user_id: "usr_manager",
        message: `T-35 has passed and no TA is assigned to No TA Ltd (closes ${addDays(d, 34)})`,
        rule_id: "A-3",
      },
    ]);
  });

  it("A-4 on close: license task for the TA (the CE when scaled), the onboarding project with its tasks, the kick-off", async () => {
    const d = "2026-04-01";
    const regular = await makeAccount({ closeDate: d, contractStart: d, stage: "prospect" });
    const scaled = await makeAccount({
      closeDate: d,
      contractStart: d,
      stage: "prospect",
      supportLevel: "scaled",
      segment: "smb",
      scaled: true,
    });
    await sweep(addDays(d, -1), [regular, scaled]);
    expect(await firings(regular, "new-customer-on-close")).toEqual([]);
    expect(await tasksOf(regular)).toEqual([]);

    await sweep(d, [regular, scaled]);
    const tasks = await tasksOf(regular);
    expect(tasks.find((t) => t.title === "Issue the production license")).toMatchObject({
      assignee_id: "usr_ta",
      due_date: addDays(d, 2),
      rule_id: "A-4",
    });
    expect(tasks.find((t) => t.title === "Hold the partnership kick-off")).toMatchObject({
      assignee_id: "usr_ta",
      due_date: addDays(d, 14),
    });
    const [project] = await rows<{ id: string; name: string; owner_id: string }>(
      sql`select id::text as id, name, owner_id from projects where account_id = ${regular}::uuid`,
    );
    expect(project).toMatchObject({ name: "New Customer Onboarding and Enablement", owner_id: "usr_ta" });
    const projectTasks = tasks.filter((t) => t.project_id === project!.id);
    expect(projectTasks).toHaveLength(7);
    expect(projectTasks.every((t) => t.source === "template" && t.assignee_id === "usr_ta")).toBe(true);
    expect(tasks.some((t) => t.title === "Issue the production license (scaled customer)")).toBe(false);

    const scaledTasks = await tasksOf(scaled);
    expect(scaledTasks.find((t) => t.title.startsWith("Issue the production license"))).toMatchObject({
      title: "Issue the production license (scaled customer)",
      assignee_id: "usr_ce",
    });
    expect(scaledTasks.some((t) => t.title === "Issue the production license")).toBe(false);
  });

  it("R-2 renewal T-120: a Health Assessment doc for the TA and the task to complete it", async () => {
    const d = "2026-05-04";
    const id = await makeAccount({ closeDate: "2025-01-01", renewalDate: addDays(d, 120) });
    await sweep(addDays(d, -1), [id]);
    expect(await firings(id, "renewal-health-assessment")).toEqual([]);
    await sweep(d, [id]);
    expect(await firings(id, "renewal-health-assessment")).toHaveLength(2);
    expect((await documentsOf(id)).map((doc) => [doc.template_id, doc.owner_id, doc.rule_id])).toEqual([
      ["health-assessment", "usr_ta", "R-2"],
    ]);
    expect(
      (await tasksOf(id)).find((t) => t.title.startsWith("Complete the Health Assessment")),
    ).toMatchObject({
      assignee_id: "usr_ta",
      due_date: addDays(d, 14),
    });
  });

  it("R-3 T-180: only red or yellow accounts go on the review list and leadership is told", async () => {
    const d = "2026-05-20";
    const red = await makeAccount({
      name: "Red Renewal Co",
      closeDate: "2025-01-01",
      renewalDate: addDays(d, 180),
    });
    const green = await makeAccount({ closeDate: "2025-01-01", renewalDate: addDays(d, 180) });
    await setHealth(red, "red");
    await setHealth(green, "green");
    await sweep(addDays(d, -1), [red, green]);
    expect(await firings(red, "yellow-red-renewal-review")).toEqual([]);

    await sweep(d, [red, green]);
    const flags = await rows<{ account_id: string; flag: string; reason: string }>(
      sql`select account_id::text as account_id, flag, reason from account_flags
        where account_id in (${red}::uuid, ${green}::uuid)`,
    );
    expect(flags.map((f) => [f.account_id, f.flag])).toEqual([[red, "yellowRedRenewalReview"]]);
    expect(flags[0]!.reason).toContain("R-3");
    expect(flags[0]!.reason).toContain('healthCategory = "red"');
    expect(await notificationsOf(red)).toContainEqual({
      user_id: "usr_manager",
      message: `Red Renewal Co renews on ${addDays(d, 180)} with red health`,
      rule_id: "R-3",
    });
    expect(await firings(green, "yellow-red-renewal-review")).toEqual([]);
  });

  it("C-3: untagged contacts at contract start +7 give the CE an overdue tagging task", async () => {
    const d = "2026-06-08";
    const untagged = await makeAccount({
      closeDate: addDays(d, -7),
      contractStart: addDays(d, -7),
      stage: "onboarding",
    });
    const tagged = await makeAccount({
      closeDate: addDays(d, -7),
      contractStart: addDays(d, -7),
      stage: "onboarding",
    });
    await handle.db.insert(contacts).values([
      { accountId: untagged, name: "Ann Untagged", roles: [] },
      { accountId: untagged, name: "Bo Champion", roles: ["champion"] },
      { accountId: tagged, name: "Cy Champion", roles: ["champion"] },
    ]);
    await sweep(addDays(d, -1), [untagged, tagged]);
    expect(await firings(untagged, "contact-tagging")).toEqual([]);
    await sweep(d, [untagged, tagged]);
    expect((await tasksOf(untagged)).find((t) => t.rule_id === "C-3")).toMatchObject({
      title: "Tag every known contact with their roles (overdue)",
      assignee_id: "usr_ce",
      due_date: addDays(d, 1),
    });
    expect(await firings(tagged, "contact-tagging")).toEqual([]);
  });

  it("M-7: the monthly trait refresh for November fires on 1 November, not on 31 October", async () => {
    const id = await makeAccount({ closeDate: "2025-01-01", renewalDate: "2027-09-01" });
    await sweep("2026-10-31", [id]);
    expect((await firings(id, "monthly-manual-trait-refresh")).map((f) => f.occurrence)).not.toContain(
      "2026-11",
    );
    await sweep("2026-11-01", [id]);
    const november = (await firings(id, "monthly-manual-trait-refresh")).filter(
      (f) => f.occurrence === "2026-11",
    );
    expect(november).toHaveLength(1);
    expect(november[0]!.reason).toContain("monthly on day 1: 2026-11");
    expect(
      (await tasksOf(id)).filter((t) => t.rule_id === "M-7" && t.due_date === "2026-11-08"),
    ).toMatchObject([
      { title: "Refresh the TA Pulse, Access to buyer and Active champion traits", assignee_id: "usr_ta" },
    ]);
  });
});

describe("event-triggered built-in playbooks fire when the data changes", () => {
  const base = { closeDate: "2025-01-01", renewalDate: "2027-09-01" } as const;

  it("O-4: MAU/seats crossing below 80% starts the Low Utilization project and a Get Well Plan", async () => {
    const id = await makeAccount(base);
    await setHealth(id, "green", { mauOverSeats: 0.9, dauOverMau: 0.2 });
    await sweep("2026-07-01", [id]);
    expect(await firings(id, "low-utilization")).toEqual([]);
    await setHealth(id, "yellow", { mauOverSeats: 0.7, dauOverMau: 0.2 });
    await sweep("2026-07-02", [id]);
    const fired = await firings(id, "low-utilization");
    expect(fired).toHaveLength(2);
    expect(fired[0]!.reason).toContain("mauOverSeats crossed < 0.8: 0.9 → 0.7");
    const projects = await rows<{ name: string }>(
      sql`select name from projects where account_id = ${id}::uuid`,
    );
    expect(projects).toEqual([{ name: "Customer Health – Low Utilization" }]);
    expect((await documentsOf(id)).map((doc) => doc.template_id)).toEqual(["get-well-plan"]);
  });

  it("M-6: days since last activity crossing 30 gives the TA a reach-out task", async () => {
    const id = await makeAccount(base);
    await setHealth(id, "green", { daysSinceLastActivity: 29 });
    await sweep("2026-07-01", [id]);
    expect(await firings(id, "contact-cadence")).toEqual([]);
    await setHealth(id, "green", { daysSinceLastActivity: 30 });
    await sweep("2026-07-02", [id]);
    expect((await tasksOf(id)).filter((t) => t.rule_id === "M-6")).toMatchObject([
      {
        title: "Reach out with something of value (a new feature, a post, relevant industry news)",
        assignee_id: "usr_ta",
        due_date: "2026-07-05",
      },
    ]);
  });

  it("no active champion: the account becomes a red account and leadership is notified", async () => {
    const id = await makeAccount({ ...base, name: "Lost Champion Corp" });
    await setHealth(id, "green", { activeChampion: true });
    await sweep("2026-07-01", [id]);
    expect((await accountRow(id)).red_account).toBe(false);
    await setHealth(id, "yellow", { activeChampion: false });
    await sweep("2026-07-02", [id]);
    expect((await accountRow(id)).red_account).toBe(true);
    const flags = await rows<{ flag: string }>(
      sql`select flag from account_flags where account_id = ${id}::uuid`,
    );
    expect(flags).toEqual([{ flag: "redAccount" }]);
    expect(await notificationsOf(id)).toContainEqual({
      user_id: "usr_manager",
      message:
        "Lost Champion Corp has no active champion and is now a red account: plan to identify and build new champions",
      rule_id: "H-2 activeChampion (seed 003)",
    });
  });

  it("A-3: the TA is notified when the TA seat is set", async () => {
    const id = await makeAccount({
      name: "New TA Co",
      closeDate: "2026-09-01",
      stage: "prospect",
      team: { ce: "usr_ce", ae: "usr_ae" },
    });
    await sweep("2026-07-01", [id]);
    expect(await firings(id, "handoff-ta-assigned")).toEqual([]);
    await handle.db.insert(accountTeam).values({ accountId: id, role: "ta", userId: "usr_ta2" });
    await sweep("2026-07-02", [id]);
    expect((await notificationsOf(id)).filter((n) => n.user_id === "usr_ta2")).toEqual([
      { user_id: "usr_ta2", message: "You are the TA for New TA Co (closes 2026-09-01)", rule_id: "A-3" },
    ]);
  });

  it("A-2: segmentation runs on accountCreated and sets segment and flags by ARR and support level", async () => {
    const id = await makeAccount({
      ...base,
      arrCents: 150_000_000,
      segment: "smb",
      supportLevel: "pooled",
    });
    const today = "2026-07-01";
    await handle.db.transaction((tx) =>
      evaluateAccounts(tx, {
        accountIds: [id],
        today,
        at: new Date(`${today}T06:00:00Z`),
        events: new Map([[id, [{ type: "accountCreated" as const }]]]),
      }),
    );
    expect(await accountRow(id)).toMatchObject({ segment: "strategic", pooled: true, scaled: false });
    const [fired] = await firings(id, "customer-segmentation");
    expect(fired!.reason).toContain("account created");
    expect(fired!.outcome).toMatchObject({ segment: "strategic", pooled: true, policyVersion: 2 });
  });
});

describe("X-1: each action happens once per occurrence", () => {
  it("a second sweep on the same day creates nothing new", async () => {
    const d = "2026-08-03";
    const ids = [
      await makeAccount({ closeDate: d, contractStart: d, stage: "prospect" }),
      await makeAccount({ closeDate: addDays(d, 30), stage: "prospect" }),
      await makeAccount({ closeDate: "2025-01-01", renewalDate: addDays(d, 120) }),
    ];
    const count = async () =>
      (
        await rows<Record<string, number>>(
          sql`select (select count(*)::int from tasks) as tasks, (select count(*)::int from documents) as documents,
            (select count(*)::int from notifications) as notifications,
            (select count(*)::int from projects) as projects,
            (select count(*)::int from playbook_firings) as firings,
            (select count(*)::int from stage_changes) as stage_changes`,
        )
      )[0]!;
    const first = await sweep(d, ids);
    expect(first.fired).toBeGreaterThan(5);
    const after = await count();
    const second = await sweep(d, ids);
    expect(second).toMatchObject({ fired: 0, stageChanges: 0 });
    expect(second.alreadyFired).toBeGreaterThan(0);
    expect(await count()).toEqual(after);
  });

  it("a missed sweep catches up: due on D, fires on D+3 saying so, and not again on D+4", async () => {
    const d = "2026-08-10";
    const id = await makeAccount({ closeDate: addDays(d, 30), stage: "prospect" });
    await sweep(addDays(d, -1), [id]);
    await sweep(addDays(d, 3), [id]);
    const fired = await firings(id, "pre-to-post-sales-handoff");
    expect(fired).toHaveLength(2);
    expect(fired[0]!.occurrence).toBe(d);
    expect(fired[0]!.reason).toContain("(caught up 3 days late)");
    const again = await sweep(addDays(d, 4), [id]);
    expect(await firings(id, "pre-to-post-sales-handoff")).toHaveLength(2);
    expect(again.alreadyFired).toBeGreaterThanOrEqual(2);
    expect((await documentsOf(id)).filter((doc) => doc.template_id === "handoff")).toHaveLength(1);
  });
});

describe("L-1…L-6 stage changes are recorded and seen by playbooks", () => {
  /** A playbook on any stage change, to show the event reaches playbooks. */
  const onStageChange: Playbook = {
    id: "test-on-stage-change",
    version: 1,
    name: "Test: on stage change",
    ruleId: "L-6",
    source: "test",
    enabled: true,
    triggers: [{ kind: "event", event: { type: "stageChanged" } }],
    conditions: [],
    actions: [{ type: "notify", to: "ta", message: "{{account.name}} is now {{account.lifecycleStage}}" }],
  };

  it("prospect → onboarding on close, → adopting after 60 days, → renewing at T-120", async () => {
    const close = "2026-01-15";
    const renewal = addDays(close, 365);
    const id = await makeAccount({
      name: "Journey Inc",
      closeDate: close,
      renewalDate: renewal,
      stage: "prospect",
    });
    const run = (day: string) => sweep(day, [id], { playbooks: [onStageChange] });
    const changes = () =>
      rows<{
        from_stage: string | null;
        to_stage: string;
        at: string;
        cause_kind: string;
        rule_id: string;
        policy_version: number;
        reason: string;
      }>(
        sql`select from_stage, to_stage, to_char(at at time zone 'UTC', 'YYYY-MM-DD') as at, cause_kind, rule_id,
          policy_version, reason from stage_changes where account_id = ${id}::uuid order by id`,
      );

    expect((await run(addDays(close, -1))).stageChanges).toBe(0);
    expect((await run(close)).stageChanges).toBe(1);
    expect((await run(addDays(close, 59))).stageChanges).toBe(0);
    expect((await run(addDays(close, 60))).stageChanges).toBe(1);
    expect((await run(addDays(renewal, -121))).stageChanges).toBe(0);
    expect((await run(addDays(renewal, -120))).stageChanges).toBe(1);

    const recorded = await changes();
    expect(
      recorded.map((c) => [c.from_stage, c.to_stage, c.at, c.cause_kind, c.rule_id, c.policy_version]),
    ).toEqual([
      ["prospect", "onboarding", close, "rule", "L-2", 3],
      ["onboarding", "adopting", addDays(close, 60), "rule", "L-3", 3],
      ["adopting", "renewing", addDays(renewal, -120), "rule", "L-5", 3],
    ]);
    expect(recorded[0]!.reason).toContain(`day 0 of 60 since close on ${close}`);
    expect(recorded[2]!.reason).toContain(`renewal on ${renewal} is 120 days away`);
    expect((await accountRow(id)).lifecycle_stage).toBe("renewing");

    const stageFirings = await firings(id, "test-on-stage-change");
    expect(stageFirings.map((f) => f.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("stage changed from prospect to onboarding"),
        expect.stringContaining("stage changed from onboarding to adopting"),
        expect.stringContaining("stage changed from adopting to renewing"),
      ]),
    );
    expect((await notificationsOf(id)).map((n) => n.message)).toEqual([
      "Journey Inc is now onboarding",
      "Journey Inc is now adopting",
      "Journey Inc is now renewing",
    ]);
  });

  it("the plan shows the stageChanged event before anything is written", async () => {
    const close = "2026-02-20";
    const id = await makeAccount({ closeDate: close, stage: "prospect" });
    const [plan] = await planAutomation(handle.db, {
      accountIds: [id],
      today: close,
      at: new Date(`${close}T06:00:00Z`),
      playbooks: [onStageChange],
    });
    expect(plan!.stageChanged).toBe(true);
    expect(plan!.events).toContainEqual({ type: "stageChanged", from: "prospect", to: "onboarding" });
    expect(plan!.fired.map((f) => f.playbookId)).toEqual(["test-on-stage-change"]);
    expect((await accountRow(id)).lifecycle_stage).toBe("prospect");
  });
});

describe("concurrency: the database decides, not the caller", () => {
  it("two concurrent evaluations of one account create its work once", async () => {
    const d = "2026-09-14";
    const id = await makeAccount({ closeDate: d, contractStart: d, stage: "prospect" });
    const at = new Date(`${d}T06:00:00Z`);
    const [a, b] = await Promise.all([
      handle.db.transaction((tx) => evaluateAccounts(tx, { accountIds: [id], today: d, at })),
      handle.db.transaction((tx) => evaluateAccounts(tx, { accountIds: [id], today: d, at })),
    ]);
    const total = await rows<{ n: number }>(
      sql`select count(*)::int as n from playbook_firings where account_id = ${id}::uuid`,
    );
    expect(a!.fired + b!.fired).toBe(total[0]!.n);
    expect(a!.fired > 0 && b!.fired > 0).toBe(false);
    expect((await tasksOf(id)).filter((t) => t.title === "Issue the production license")).toHaveLength(1);
    const projects = await rows<{ n: number }>(
      sql`select count(*)::int as n from projects where account_id = ${id}::uuid`,
    );
    expect(projects[0]!.n).toBe(1);
  });

  it("L-6: two concurrent evaluations record one stage change", async () => {
    const d = "2026-09-21";
    const id = await makeAccount({ closeDate: d, contractStart: d, stage: "prospect" });
    const at = new Date(`${d}T06:00:00Z`);
    await Promise.all([
      handle.db.transaction((tx) => evaluateAccounts(tx, { accountIds: [id], today: d, at })),
      handle.db.transaction((tx) => evaluateAccounts(tx, { accountIds: [id], today: d, at })),
    ]);
    const changes = await rows<{ to_stage: string }>(
      sql`select to_stage from stage_changes where account_id = ${id}::uuid`,
    );
    expect(changes).toEqual([{ to_stage: "onboarding" }]);
  });
});

describe("X-3: an edited playbook keeps its history", () => {
  it("an occurrence version 2 fired does not fire again under version 3; a new one fires with version 3", async () => {
    const d = "2026-10-05";
    const old = await makeAccount({ closeDate: addDays(d, 30), stage: "prospect" });
    await sweep(d, [old]);
    expect((await firings(old, "pre-to-post-sales-handoff")).map((f) => f.playbook_version)).toEqual([2, 2]);

    const edited: Playbook = {
      ...handoffPlaybook,
      version: 3,
      actions: [
        handoffPlaybook.actions[0]!,
        { type: "createTask", role: "ce", title: "Edited: fill out the Handoff Doc", dueInDays: 5 },
      ],
    };
    await handle.db.execute(
      sql`insert into playbooks (id, version, body, created_at)
        values (${edited.id}, 3, ${JSON.stringify(edited)}::jsonb, ${`${d}T00:00:00Z`}::timestamptz)`,
    );
    try {
      const fresh = await makeAccount({ closeDate: addDays(d, 31), stage: "prospect" });
      const result = await sweep(addDays(d, 1), [old, fresh]);
      expect(result.alreadyFired).toBeGreaterThanOrEqual(2);
      expect((await firings(old, "pre-to-post-sales-handoff")).map((f) => f.playbook_version)).toEqual([
        2, 2,
      ]);
      expect((await tasksOf(old)).some((t) => t.title.startsWith("Edited"))).toBe(false);

      const fired = await firings(fresh, "pre-to-post-sales-handoff");
      expect(fired.map((f) => f.playbook_version)).toEqual([3, 3]);
      expect(fired[0]!.reason).toContain("v3");
      expect((await tasksOf(fresh)).map((t) => t.title)).toContain("Edited: fill out the Handoff Doc");
    } finally {
      await handle.db.execute(sql`delete from playbooks where id = ${edited.id} and version = 3`);
    }
  });
});
