import { en, Faker } from "@faker-js/faker";
import { type Database, queryRows } from "@keel/db";
import { accounts, accountTeam, contacts, credential, user } from "@keel/db/schema";
import {
  type ContactRole,
  type HealthCategory,
  type LifecycleStage,
  segmentForArr,
  stageFor,
  type TeamRole,
} from "@keel/domain";
import { ensureBuiltinPlaybooks, evaluateAccounts } from "@keel/services";
import { hashPassword } from "better-auth/crypto";
import { count, sql } from "drizzle-orm";
import { demoPassword, demoUsers } from "./demo-users.ts";
import { type HealthSeedOptions, seedHealthInputs } from "./health-inputs.ts";
import { seedLighthouseProgram } from "./lighthouse-program.ts";
import { seedRenewalHistory } from "./renewal-history.ts";
import { seedRenewalPipeline } from "./renewal-pipeline.ts";

export { demoPassword, demoUsers } from "./demo-users.ts";
export { type HealthSeedOptions, healthSeedPlan } from "./health-inputs.ts";
export {
  type RenewalHistoryCounts,
  type RenewalHistoryInput,
  seedRenewalHistory,
} from "./renewal-history.ts";

export type SeedOptions = {
  /** How many customer accounts (benchmarks use large numbers). Default 240. */
  accounts?: number;
  /** Same seed and same `today` → the same data. */
  seed?: number;
  /** Dates are spread around this day (ISO). Default: the real today, so the demo stays current. */
  today?: string;
  /**
   * Health inputs (usage, tickets, activities, manual traits) and scores; `false` for none.
   * Sized by the number of accounts unless given (see `healthSeedPlan`).
   */
  health?: false | HealthSeedOptions;
  /**
   * Replay the daily playbook sweep from this many days ago to today, or `false` for
   * none. Default: 30 for books up to 2,000 accounts, today only (0) up to 20,000, none above
   * (benchmarks seed large books and measure the sweep themselves).
   */
  playbookReplayDays?: number | false;
  /**
   * The processed renewals of the last two years (R-2…: assessments, plans, weekly
   * forecasts, churn retros); `false` for none (benchmarks seed large books).
   */
  renewals?: false;
};

const DAY = 86_400_000;
const BATCH = 1_000;

/** Deterministic demo company: users, accounts, teams and contacts. Expects an empty database. */
export async function seedDemoData(db: Database, options: SeedOptions = {}) {
  const accountCount = options.accounts ?? 240;
  const today = Date.parse(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed ?? 42);
  const isoDay = (offsetDays: number) => new Date(today + offsetDays * DAY).toISOString().slice(0, 10);

  const passwordHash = await hashPassword(demoPassword);
  const now = new Date();
  await db
    .insert(user)
    .values(demoUsers.map((u) => ({ ...u, emailVerified: true, createdAt: now, updatedAt: now })));
  await db.insert(credential).values(
    demoUsers.map((u) => ({
      id: `cred_${u.id}`,
      accountId: u.id,
      providerId: "credential",
      userId: u.id,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
    })),
  );

  const byRole = (role: string) => demoUsers.filter((u) => u.roles.includes(role as never)).map((u) => u.id);
  const tas = byRole("ta");
  const aes = byRole("ae");
  const ces = byRole("ce");
  // The demo TA (ta@keel.test) carries the largest book so "My book" is full on first sign-in.
  const taWeights = [0.3, 0.25, 0.25, 0.2];

  const accountRows: (typeof accounts.$inferInsert)[] = [];
  const teamRows: (typeof accountTeam.$inferInsert)[] = [];
  const contactRows: (typeof contacts.$inferInsert)[] = [];
  const usedNames = new Set<string>();

  for (let i = 0; i < accountCount; i++) {
    const id = faker.string.uuid();
    let name = faker.company.name();
    while (usedNames.has(name)) name = `${faker.company.name()} ${faker.location.city()}`;
    usedNames.add(name);
    const domain = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}.example`;
    // ARR log-uniform between $10k and $2M: many small customers, few large ones.
    const arrDollars = Math.round(
      Math.exp(faker.number.float({ min: Math.log(10_000), max: Math.log(2_000_000) })),
    );
    const arrCents = Math.round(arrDollars / 100) * 100 * 100;
    const segment = segmentForArr(arrCents);
    const scaled = segment === "smb" && faker.datatype.boolean(0.5);
    const pooled = !scaled && segment === "mid-market" && faker.datatype.boolean(0.4);
    const seats = Math.max(10, Math.round(arrDollars / faker.number.int({ min: 150, max: 600 })));

    const phase = faker.number.float({ min: 0, max: 1 });
    let closeOffset: number;
    let renewalOffset: number | null;
    if (phase < 0.08) {
      closeOffset = faker.number.int({ min: 1, max: 45 }); // late-stage prospect (L-1)
      renewalOffset = null;
    } else if (phase < 0.18) {
      closeOffset = -faker.number.int({ min: 0, max: 59 }); // onboarding (L-2)
      renewalOffset = closeOffset + 365;
    } else {
      // Renewals spread from 3 months overdue to 18 months out.
      renewalOffset = faker.number.int({ min: -90, max: 540 });
      closeOffset = renewalOffset - 365 * faker.number.int({ min: 1, max: 3 });
    }
    // Adopting or nurturing is a coin toss for settled customers (drawn only for them, as always,
    // so the random stream and every later value stay the same).
    const settled: LifecycleStage =
      closeOffset > 0 || closeOffset > -60 || (renewalOffset !== null && renewalOffset <= 120)
        ? "adopting"
        : faker.helpers.arrayElement(["adopting", "nurturing"] as const);
    // L-1…L-5 as they stood when the playbook replay starts; the replay moves them on from there.
    const stage: LifecycleStage = stageFor({
      closeDate: isoDay(closeOffset),
      renewalDate: renewalOffset === null ? null : isoDay(renewalOffset),
      today: isoDay(-REPLAY_DAYS),
      metrics: {},
      previousStage: settled,
    }).stage;
    // leadership set the support level at T-45; one late-stage prospect in five is late
    // doing it (the reminder playbook's demo), decided from the id so the random stream is unchanged.
    const lateSupportLevel = closeOffset > 0 && id.charCodeAt(0) % 5 === 0;

    accountRows.push({
      id,
      name,
      domain,
      arrCents,
      currency: "USD",
      seatsPurchased: seats,
      contractStart: closeOffset <= 0 ? isoDay(closeOffset) : null,
      closeDate: isoDay(closeOffset),
      renewalDate: renewalOffset === null ? null : isoDay(renewalOffset),
      supportLevel: scaled
        ? "scaled"
        : pooled
          ? "pooled"
          : closeOffset > 45 || lateSupportLevel
            ? "none"
            : "dedicated",
      supportLevelSetAt:
        closeOffset > 45 || lateSupportLevel ? null : new Date(today + (closeOffset - 45) * DAY),
      segment,
      pooled,
      scaled,
      lifecycleStage: stage,
      // Flagged red by leadership in the CRM before Keel (the Lighthouse list starts from these).
      redAccount: closeOffset <= 0 && faker.datatype.boolean(0.07),
      deployment: faker.datatype.boolean(0.55) ? "cloud" : "self-hosted",
      instanceVersion: `6.${faker.number.int({ min: 0, max: 12 })}.${faker.number.int({ min: 0, max: 4 })}`,
      crmId: `001${faker.string.alphanumeric({ length: 15, casing: "upper" })}`,
      instanceId: `inst-${faker.string.alphanumeric({ length: 10, casing: "lower" })}`,
    });

    const team: Partial<Record<TeamRole, string>> = {
      ae: faker.helpers.arrayElement(aes),
      ce: faker.helpers.arrayElement(ces),
    };
    // a TA is assigned 35 days before close; earlier prospects have none yet.
    if (closeOffset <= 35 && !(closeOffset > 0 && id.charCodeAt(1) % 4 === 0))
      team.ta = faker.helpers.weightedArrayElement(
        tas.map((ta, k) => ({ value: ta, weight: taWeights[k]! })),
      );
    if (faker.datatype.boolean(0.3)) team.ie = faker.helpers.arrayElement(ces);
    if (segment === "strategic" && faker.datatype.boolean(0.5)) team.tpm = faker.helpers.arrayElement(tas);
    for (const [role, userId] of Object.entries(team))
      teamRows.push({ accountId: id, role: role as TeamRole, userId });

    const contactCount = faker.number.int({ min: 2, max: 7 });
    for (let c = 0; c < contactCount; c++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const roles = pickContactRoles(faker, c);
      // C-2: a few imported contacts disagree on instance admin, as CRM exports do.
      const instanceAdmin = faker.datatype.boolean(0.05)
        ? !roles.includes("instance-admin")
        : roles.includes("instance-admin");
      contactRows.push({
        id: faker.string.uuid(),
        accountId: id,
        name: `${first} ${last}`,
        title: faker.datatype.boolean(0.9) ? faker.person.jobTitle() : null,
        email: faker.datatype.boolean(0.93)
          ? faker.internet.email({ firstName: first, lastName: last, provider: domain }).toLowerCase()
          : null,
        roles,
        instanceAdmin,
      });
    }
  }

  for (let i = 0; i < accountRows.length; i += BATCH)
    await db.insert(accounts).values(accountRows.slice(i, i + BATCH));
  for (let i = 0; i < teamRows.length; i += BATCH)
    await db.insert(accountTeam).values(teamRows.slice(i, i + BATCH));
  for (let i = 0; i < contactRows.length; i += BATCH)
    await db.insert(contacts).values(contactRows.slice(i, i + BATCH));

  const health =
    options.health === false
      ? null
      : await seedHealthInputs(db, {
          accounts: accountRows,
          taOf: new Map(
            teamRows.filter((seat) => seat.role === "ta").map((seat) => [seat.accountId, seat.userId]),
          ),
          contactsOf: groupIds(contactRows),
          today: isoDay(0),
          seed: options.seed ?? 42,
          // A pinned day (tests, benchmarks) stamps scores at its start; the live demo at the real time.
          at: options.today ? new Date(today) : now,
          options: options.health,
        });

  const renewalHistory =
    options.renewals === false
      ? null
      : await seedRenewalHistory(db, {
          accounts: accountRows,
          teamOf: teamsOf(teamRows),
          today: isoDay(0),
          seed: options.seed ?? 42,
          healthCategoryOf: health ? await healthCategoryHistory(db) : undefined,
        });

  // Fresh statistics after the bulk inserts: without them the planner guesses empty tables and the
  // sweep's per-account reads cost 15× (measured on PostgreSQL: 340 ms a day, 20 ms after).
  await db.execute(sql`analyze`);

  // The playbooks run over the last weeks as the daily sweep would have, so the demo's
  // tasks, documents, projects, notifications and stage history are what the rules produced.
  const replayDays =
    options.playbookReplayDays ?? (accountCount <= 2_000 ? REPLAY_DAYS : accountCount <= 20_000 ? 0 : false);
  const automation =
    options.health === false || replayDays === false
      ? null
      : await replayPlaybooks(db, isoDay, replayDays, options.today ? null : now);

  // R-1…R-6: the open pipeline, after the replay made T-120's Health Assessment documents.
  const pipeline =
    options.renewals === false || automation === null
      ? null
      : await seedRenewalPipeline(db, {
          today: isoDay(0),
          seed: options.seed ?? 42,
          healthAt: options.today ? new Date(today) : now,
        });

  // LH-1…LH-5: the Lighthouse program, after the pipeline's red ratings entered their accounts.
  const lighthouse = pipeline === null ? null : await seedLighthouseProgram(db, { today: isoDay(0) });

  return {
    users: demoUsers.length,
    accounts: accountRows.length,
    contacts: contactRows.length,
    health,
    renewals: renewalHistory ? { ...renewalHistory, pipeline } : null,
    lighthouse,
    automation,
  };
}

/** Days of daily playbook sweeps the seed replays, ending today. */
const REPLAY_DAYS = 30;

async function replayPlaybooks(
  db: Database,
  isoDay: (offset: number) => string,
  days: number,
  now: Date | null,
) {
  await ensureBuiltinPlaybooks(db, new Date(`${isoDay(-REPLAY_DAYS - 1)}T00:00:00Z`));
  const total = { days: 0, stageChanges: 0, fired: 0 };
  for (let offset = -days; offset <= 0; offset++) {
    const today = isoDay(offset);
    // The sweep runs early in the morning; today's run is stamped with the real time in the live demo.
    const at = offset === 0 && now ? now : new Date(`${today}T06:00:00Z`);
    const result = await db.transaction((tx) => evaluateAccounts(tx, { today, at }));
    total.days++;
    total.stageChanges += result.stageChanges;
    total.fired += result.fired;
  }
  return total;
}

function teamsOf(teamRows: readonly (typeof accountTeam.$inferInsert)[]) {
  const byAccount = new Map<string, Partial<Record<TeamRole, string>>>();
  for (const seat of teamRows) {
    const team = byAccount.get(seat.accountId) ?? {};
    team[seat.role] = seat.userId;
    byAccount.set(seat.accountId, team);
  }
  return byAccount;
}

/** H-5: each account's health category as of a day, from the seed's snapshots (null before the first). */
async function healthCategoryHistory(db: Database) {
  const rows = await queryRows<{ account_id: string; day: string; category: HealthCategory }>(
    db,
    sql`select account_id::text as account_id, (at at time zone 'UTC')::date::text as day, category
      from health_snapshots order by account_id, at, id`,
  );
  const byAccount = new Map<string, { day: string; category: HealthCategory }[]>();
  for (const row of rows) {
    const history = byAccount.get(row.account_id) ?? [];
    history.push({ day: row.day, category: row.category });
    byAccount.set(row.account_id, history);
  }
  return (accountId: string, day: string): HealthCategory | null => {
    let category: HealthCategory | null = null;
    for (const entry of byAccount.get(accountId) ?? []) {
      if (entry.day > day) break;
      category = entry.category;
    }
    return category;
  };
}

function groupIds(contactRows: readonly (typeof contacts.$inferInsert)[]) {
  const byAccount = new Map<string, string[]>();
  for (const contact of contactRows) {
    const ids = byAccount.get(contact.accountId) ?? [];
    ids.push(contact.id!);
    byAccount.set(contact.accountId, ids);
  }
  return byAccount;
}

/** Realistic role mixes: about one contact in five is untagged (the C-4 backlog). */
function pickContactRoles(faker: Faker, index: number): ContactRole[] {
  if (faker.datatype.boolean(0.2)) return [];
  const roles = new Set<ContactRole>();
  if (index === 0)
    roles.add(faker.helpers.arrayElement(["champion", "deal-contact", "program-contact"] as const));
  const extra = faker.helpers.arrayElements(
    [
      "champion",
      "deal-contact",
      "instance-admin",
      "executive",
      "economic-buyer",
      "end-user",
      "program-contact",
    ] as const,
    { min: index === 0 ? 0 : 1, max: 2 },
  );
  for (const role of extra) roles.add(role);
  return [...roles];
}

/** Seeds demo data once: a database that already has users is left alone. */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}) {
  const [row] = await db.select({ n: count() }).from(user);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemoData(db, options);
}
