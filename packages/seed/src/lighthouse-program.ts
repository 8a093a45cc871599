import { type Database, queryRows } from "@keel/db";
import { addDays, type SavePlanInput, type UserRole } from "@keel/domain";
import {
  approveLighthouseExit,
  closeLighthouseEnrolment,
  enterLighthouse,
  getEnrolment,
  postLighthouseUpdate,
  recordCriterionEvidence,
  recordLighthouseSync,
  type ServiceContext,
  saveSavePlan,
  setLighthouseSponsor,
  setManualTraits,
} from "@keel/services";
import { sql } from "drizzle-orm";

export type LighthouseProgramCounts = { enrolments: number; syncs: number };

const TS_LEAD = "usr_manager";
const SALES_LEAD = "usr_sales_manager";
const EXEC = "usr_exec";

/**
 * The Lighthouse program as its people would have run it (LH-1…LH-5), made by the services: an
 * account in every state — just entered, in progress with weekly updates, exit proposed, exited
 * saved, exited churned — with criteria of both kinds, and the two past program syncs. Accounts
 * the renewal pipeline's red ratings entered come on top. Runs after the pipeline.
 */
export async function seedLighthouseProgram(
  db: Database,
  { today }: { today: string },
): Promise<LighthouseProgramCounts> {
  const roles = new Map(
    (await queryRows<{ id: string; roles: UserRole[] }>(db, sql`select id, roles from "user"`)).map((u) => [
      u.id,
      u.roles,
    ]),
  );
  if (!roles.has(TS_LEAD) || !roles.has(SALES_LEAD)) return { enrolments: 0, syncs: 0 };
  const as = (userId: string, day: string, hour = 15): ServiceContext => ({
    db,
    actor: { id: userId, roles: roles.get(userId) ?? [] },
    now: new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`),
    requestId: "seed",
  });
  // Red or yellow accounts with a TA and an AE, not in the program yet: the likeliest to be saved.
  const accounts = await queryRows<{ id: string; ta: string; ae: string }>(
    db,
    sql`select a.id::text, ta.user_id as ta, ae.user_id as ae from accounts a
      join account_team ta on ta.account_id = a.id and ta.role = 'ta'
      join account_team ae on ae.account_id = a.id and ae.role = 'ae'
      left join account_health h on h.account_id = a.id
      where not exists (select 1 from lighthouse_enrolments e where e.account_id = a.id)
      order by (h.category = 'red') desc, (h.category = 'yellow') desc, a.name limit 5`,
  );
  if (accounts.length < 5) return { enrolments: 0, syncs: 0 };
  const [fresh, progressing, proposed, saved, churned] = accounts as [
    (typeof accounts)[number],
    (typeof accounts)[number],
    (typeof accounts)[number],
    (typeof accounts)[number],
    (typeof accounts)[number],
  ];
  const day = (offset: number) => addDays(today, offset);
  // A usage criterion (MAU per seat) for stays still working on it; a champion criterion (the TA
  // records a champion, the health recompute checks it) for the ones that reach their exit.
  const plan = (
    ownerId: string,
    dueOn: string,
    manual: string,
    bound: "usage" | "champion",
  ): SavePlanInput => ({
    problem: "Usage fell sharply after the customer's reorganisation, and the champion moved on.",
    goal: "Healthy usage and a named champion before the renewal.",
    criteria: [
      bound === "usage"
        ? {
            criterion: { kind: "bound", measure: "mauOverSeats", comparison: "atLeast", threshold: 0.6 },
            steps: [{ title: "Run team-by-team enablement sessions", ownerId, dueOn }],
          }
        : {
            criterion: { kind: "bound", measure: "activeChampion", comparison: "is", value: true },
            steps: [{ title: "Meet the new VP Engineering", ownerId, dueOn }],
          },
      { criterion: { kind: "manual", description: manual }, steps: [] },
    ],
  });
  const version = async (id: string) => (await getEnrolment(as(TS_LEAD, today), { enrolmentId: id })).version;
  const enter = async (account: (typeof accounts)[number], offset: number, reason: string) =>
    (await enterLighthouse(as(account.ta, day(offset), 10), { accountId: account.id, reason })).enrolmentId;
  const writePlan = async (
    account: (typeof accounts)[number],
    id: string,
    offset: number,
    manual: string,
    bound: "usage" | "champion" = "usage",
  ) =>
    saveSavePlan(as(account.ta, day(offset)), {
      enrolmentId: id,
      expectedVersion: await version(id),
      plan: plan(account.ta, day(offset + 21), manual, bound),
    });
  const championFound = async (account: (typeof accounts)[number], offset: number) => {
    const [traits] = await queryRows<{ version: number }>(
      db,
      sql`select coalesce((select version from account_manual_traits where account_id = ${account.id}::uuid), 0) as version`,
    );
    await setManualTraits(as(account.ta, day(offset), 11), {
      accountId: account.id,
      expectedVersion: traits!.version,
      patch: { activeChampion: true },
    });
  };
  const update = (
    account: (typeof accounts)[number],
    id: string,
    offset: number,
    progress: string,
    extra = {},
  ) =>
    postLighthouseUpdate(as(account.ta, day(offset), 16), {
      enrolmentId: id,
      update: { progress, ...extra },
    });
  const meetManual = async (
    account: (typeof accounts)[number],
    id: string,
    offset: number,
    evidence: string,
  ) => {
    const detail = await getEnrolment(as(account.ta, day(offset)), { enrolmentId: id });
    const manual = detail.criteria.find((c) => c.definition.kind === "manual")!;
    await recordCriterionEvidence(as(account.ta, day(offset), 12), {
      enrolmentId: id,
      criterionId: manual.id,
      expectedVersion: detail.version,
      evidence: { evidence, metOn: day(offset) },
    });
  };

  // Exited churned: entered 60 days ago, the customer left anyway.
  const churnedId = await enter(churned, -60, "The customer announced a competitive evaluation.");
  await writePlan(churned, churnedId, -58, "The customer's CTO agrees to a technical deep-dive");
  await update(churned, churnedId, -51, "Deep-dive held; the evaluation goes on.", {
    risks: "Budget moved to the competitor",
  });
  await closeLighthouseEnrolment(as(TS_LEAD, day(-40)), {
    enrolmentId: churnedId,
    expectedVersion: await version(churnedId),
    outcome: "churned",
    note: "The customer chose the competitor at their budget review.",
  });

  // Exited saved: the manual criterion met and both leaderships agreed.
  const savedId = await enter(saved, -50, "Usage halved after the reorg; no champion left.");
  await writePlan(saved, savedId, -48, "Usage back to healthy, confirmed by the customer", "champion");
  await setLighthouseSponsor(as(TS_LEAD, day(-47)), {
    enrolmentId: savedId,
    expectedVersion: await version(savedId),
    sponsorId: EXEC,
  });
  await update(saved, savedId, -41, "Enablement for three teams done; usage climbing.");
  await update(saved, savedId, -34, "The VP Engineering agreed to champion the rollout.");
  await update(saved, savedId, -6, "Usage back for every team; the champion runs the weekly review.");
  // Recorded today: a manual trait recomputes health as of its day, and the book's health is today's.
  await championFound(saved, 0);
  await meetManual(saved, savedId, 0, "Usage review in the QBR: every team active again");
  for (const [lead, hour] of [
    [TS_LEAD, 13],
    [SALES_LEAD, 14],
  ] as const) {
    const detail = await getEnrolment(as(lead, today, hour), { enrolmentId: savedId });
    if (!detail.actions.approveExit) break;
    await approveLighthouseExit(as(lead, today, hour), {
      enrolmentId: savedId,
      expectedVersion: detail.version,
    });
  }

  // Exit proposed: every criterion met, waiting for leadership.
  const proposedId = await enter(proposed, -35, "Red renewal risk: the executive sponsor left.");
  await writePlan(
    proposed,
    proposedId,
    -33,
    "The new executive sponsor confirms the renewal plan",
    "champion",
  );
  await setLighthouseSponsor(as(SALES_LEAD, day(-32)), {
    enrolmentId: proposedId,
    expectedVersion: await version(proposedId),
    sponsorId: EXEC,
  });
  await update(proposed, proposedId, -26, "Met the new executive sponsor.", { asks: "An exec-to-exec call" });
  await update(proposed, proposedId, -12, "Exec call held; the renewal plan is agreed.");
  await championFound(proposed, 0);
  await meetManual(proposed, proposedId, 0, "Renewal plan confirmed in writing by the new sponsor");

  // In progress: plan presented, weekly updates, blockers and asks.
  const progressingId = await enter(progressing, -25, "Support tickets tripled after the upgrade.");
  await writePlan(
    progressing,
    progressingId,
    -23,
    "Open defect tickets are resolved and signed off by the customer",
  );
  for (const [offset, progress, extra] of [
    [
      -18,
      "Triage with support: twelve defects traced to one configuration.",
      { blockers: "Waiting for their change window" },
    ],
    [-11, "Configuration fixed in staging.", { risks: "Their production freeze in December" }],
    [-4, "Production fix scheduled; tickets falling.", { asks: "A product engineer on the next call" }],
  ] as const) {
    await update(progressing, progressingId, offset, progress, extra);
  }

  // Two past syncs (every two weeks), each presenting the plans written by then.
  let syncs = 0;
  for (const offset of [-28, -14]) {
    await recordLighthouseSync(as(TS_LEAD, day(offset), 17), {
      heldOn: day(offset),
      attendeeIds: [TS_LEAD, SALES_LEAD, EXEC],
      post: false,
    });
    syncs += 1;
  }

  // Just entered: no plan yet.
  await enter(fresh, -2, "Usage dropped 40% in a month; the TA is worried about the renewal.");

  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from lighthouse_enrolments`,
  );
  return { enrolments: count!.n, syncs };
}
