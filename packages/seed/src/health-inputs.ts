import { en, Faker } from "@faker-js/faker";
import type { Database } from "@keel/db";
import { queryRows } from "@keel/db";
import type { accounts } from "@keel/db/schema";
import { type ManualTraitId, monthEndsBefore, type Pulse } from "@keel/domain";
import { ensureHealthPolicies, recomputeHealth, systemContext } from "@keel/services";
import { sql } from "drizzle-orm";

/**
 * Demo inputs for the health score (H-2, SPEC §12 feeds): a year of daily usage, support tickets,
 * activities and manual traits per customer, shaped so accounts span green / yellow / red with
 * believable trends; then a whole-book recompute and month-end snapshots computed as of each
 * past month end, so the trend chart shows real history.
 *
 * Size-aware: big books (benchmarks) get less history so `--accounts 100000` stays feasible.
 */
export type HealthSeedOptions = {
  /** Days of usage history per customer (default: 400 up to 2,000 accounts, 120 up to 20,000, else 62). */
  usageDays?: number;
  /** Report usage every N days (the last day of each month is always reported). Default 1, or 3 above 20,000 accounts. */
  usageEveryDays?: number;
  /** Past month ends to backfill snapshots for (default: 12 up to 2,000 accounts, 3 up to 20,000, else 0). */
  backfillMonths?: number;
};

type AccountRow = typeof accounts.$inferInsert;

type ManualTraitValues = { pulse: Pulse; champion: boolean; buyer: boolean };

type Archetype = "thriving" | "steady" | "struggling" | "improving" | "declining";

const DAY = 86_400_000;
const CHUNK = 10_000;

export function healthSeedPlan(accountCount: number, options: HealthSeedOptions = {}) {
  const small = accountCount <= 2_000;
  const medium = accountCount <= 20_000;
  return {
    // A year plus the month before the oldest backfilled month end, so its month-end traits have data.
    usageDays: options.usageDays ?? (small ? 400 : medium ? 120 : 62),
    usageEveryDays: options.usageEveryDays ?? (medium ? 1 : 3),
    backfillMonths: options.backfillMonths ?? (small ? 12 : medium ? 3 : 0),
  };
}

/** mulberry32: a tiny seeded generator for the per-day noise (faker per day would be slow). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Quality at the start and at the end of the history, per archetype. */
const qualityArc: Record<Archetype, readonly [number, number]> = {
  thriving: [0.85, 0.9],
  steady: [0.6, 0.62],
  struggling: [0.22, 0.28],
  improving: [0.3, 0.88],
  declining: [0.88, 0.28],
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

export async function seedHealthInputs(
  db: Database,
  input: {
    accounts: readonly AccountRow[];
    /** TA (or, without one, nobody) who sets the manual traits, by account id. */
    taOf: ReadonlyMap<string, string>;
    contactsOf: ReadonlyMap<string, string[]>;
    today: string;
    seed: number;
    /** When the final scores are stamped. */
    at: Date;
    options?: HealthSeedOptions;
  },
) {
  const plan = healthSeedPlan(input.accounts.length, input.options);
  const faker = new Faker({ locale: [en] });
  faker.seed(input.seed + 7_919);
  const random = seededRandom(faker.number.int({ min: 1, max: 2 ** 31 }));
  const todayMs = Date.parse(`${input.today}T00:00:00Z`);
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  // Releases: a minor a month, 6.12 about two weeks ago; 5.x before 6.0. Index 0 = 6.0.
  const releaseDay = (index: number) => todayMs - ((12 - index) * 30 + 15) * DAY;
  const releaseName = (index: number) => (index >= 0 ? `6.${index}` : `5.${12 + index}`);
  const latestReleaseAt = (ms: number) => Math.min(12, Math.floor((ms - releaseDay(0)) / (30 * DAY)));

  const usage: unknown[] = [];
  const tickets: unknown[] = [];
  const activities: unknown[] = [];
  const traitChanges: {
    account_id: string;
    trait: ManualTraitId;
    value: string;
    set_at: string;
    set_by: string | null;
  }[] = [];
  const releasesFirstSeen = new Map<string, string>();
  const lastVersion = new Map<string, string>();
  let ticketNumber = 10_000;

  for (const account of input.accounts) {
    const id = account.id!;
    if (!account.contractStart || account.contractStart > input.today) continue; // prospects: no data yet
    const startMs = Math.max(
      Date.parse(`${account.contractStart}T00:00:00Z`),
      todayMs - (plan.usageDays - 1) * DAY,
    );
    const onboarding = todayMs - Date.parse(`${account.contractStart}T00:00:00Z`) < 60 * DAY;
    const archetype: Archetype = onboarding
      ? "improving"
      : account.redAccount
        ? faker.helpers.arrayElement(["struggling", "declining"] as const)
        : faker.helpers.weightedArrayElement([
            { value: "thriving", weight: 36 },
            { value: "steady", weight: 22 },
            { value: "struggling", weight: 10 },
            { value: "improving", weight: 15 },
            { value: "declining", weight: 17 },
          ] as const);
    const [qStart, qEnd] = qualityArc[archetype];
    const jitter = faker.number.float({ min: -0.06, max: 0.06 });
    const span = Math.max(1, todayMs - startMs);
    // Quality over time, 0..1: drives utilization, stickiness, upgrades, tickets, contact, traits.
    const quality = (ms: number) => clamp(lerp(qStart, qEnd, (ms - startMs) / span) + jitter, 0.05, 0.97);
    const seats = account.seatsPurchased ?? 10;
    const cloud = account.deployment === "cloud";
    const preciseFrom =
      archetype === "improving"
        ? startMs + span * 0.5
        : random() < 0.35 + 0.6 * quality(startMs)
          ? startMs
          : Number.POSITIVE_INFINITY;
    const patch = faker.number.int({ min: 0, max: 4 });

    // Usage: MAU per month from utilization, DAU per day from stickiness (quieter weekends).
    const mauOfMonth = new Map<string, number>();
    for (let ms = startMs, k = 0; ms <= todayMs; ms += DAY, k++) {
      const day = isoDay(ms);
      const monthEnd = isoDay(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)) === day;
      if (k % plan.usageEveryDays !== 0 && !monthEnd && ms !== todayMs) continue;
      const q = quality(ms);
      const month = day.slice(0, 7);
      let mau = mauOfMonth.get(month);
      if (mau === undefined) {
        mau = Math.max(1, Math.round(seats * clamp(0.25 + 0.72 * q + (random() - 0.5) * 0.08, 0.05, 1.1)));
        mauOfMonth.set(month, mau);
      }
      const weekday = new Date(ms).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      // Weekday stickiness chosen so the 4-week average lands near 0.12 + 0.25q (H-2 usage score).
      const stickiness = (0.12 + 0.25 * q) / 0.814;
      const dau = Math.min(
        mau,
        Math.max(0, Math.round(mau * stickiness * (weekend ? 0.35 : 1) * (0.9 + random() * 0.2))),
      );
      // Upgrades lag the newest release by a number of releases that shrinks as quality rises.
      const lagReleases = cloud ? 0 : Math.round(clamp(7 - 8 * q, 0, 7));
      const releaseIndex = latestReleaseAt(ms) - lagReleases;
      const version = `${releaseName(releaseIndex)}.${patch}`;
      const release = releaseName(releaseIndex);
      const seen = releasesFirstSeen.get(release);
      if (!seen || day < seen) releasesFirstSeen.set(release, day);
      lastVersion.set(id, version);
      usage.push({
        account_id: id,
        day,
        dau,
        mau,
        seats,
        instance_version: version,
        precise_intel_active: ms >= preciseFrom,
      });

      // Tickets: defects and help requests grow as quality falls (H-2 90-day counts).
      const defectsPer90 = 0.4 + 5.5 * (1 - q);
      const helpPer90 = 2.5 + 14 * (1 - q);
      if (random() < defectsPer90 / 90) tickets.push(ticket(id, "defect", ms));
      if (random() < helpPer90 / 90) tickets.push(ticket(id, "help", ms));
    }

    // Activities, walking back from the last one: well-run accounts are contacted often.
    const qNow = quality(todayMs);
    const forgotten = random() < 0.1;
    let gapToToday = forgotten
      ? 31 + Math.floor(random() * 40)
      : qNow >= 0.7
        ? Math.floor(random() * 12)
        : qNow >= 0.45
          ? 4 + Math.floor(random() * 22)
          : 12 + Math.floor(random() * 45);
    const contactIds = input.contactsOf.get(id) ?? [];
    for (let ms = todayMs - gapToToday * DAY; ms >= startMs; ) {
      const type = faker.helpers.weightedArrayElement([
        { value: "email", weight: 45 },
        { value: "meeting", weight: 20 },
        { value: "call", weight: 15 },
        { value: "slack", weight: 20 },
      ] as const);
      const contactId =
        contactIds.length > 0 && random() < 0.7 ? contactIds[Math.floor(random() * contactIds.length)] : null;
      activities.push({
        account_id: id,
        type,
        at: new Date(ms + (9 + Math.floor(random() * 8)) * 3_600_000).toISOString(),
        contact_id: contactId,
        external_id: `act-${id.slice(0, 8)}-${activities.length}`,
      });
      const q = quality(ms);
      ms -= Math.round(
        (q >= 0.7 ? 3 + random() * 6 : q >= 0.45 ? 6 + random() * 14 : 10 + random() * 30) * DAY,
      );
      gapToToday = 0;
    }

    // Manual traits (most accounts): set a couple of weeks in, refreshed every 1–3 months; some go stale (H-6).
    if (random() < 0.88) {
      const setBy = input.taOf.get(id) ?? null;
      const lastRefresh = random() < 0.2 ? 61 + Math.floor(random() * 60) : Math.floor(random() * 50);
      const times: number[] = [];
      for (
        let ms = todayMs - lastRefresh * DAY;
        ms >= startMs + 14 * DAY;
        ms -= (30 + Math.floor(random() * 60)) * DAY
      )
        times.unshift(ms);
      if (times.length === 0) times.push(Math.min(todayMs, startMs + 14 * DAY));
      // A refresh mostly re-confirms what the TA said last time; now and then the view changes.
      let previous: ManualTraitValues | null = null;
      for (const ms of times) {
        const q = quality(ms);
        const at = new Date(ms + 15 * 3_600_000).toISOString();
        const drawn: Pulse =
          q >= 0.7
            ? random() < 0.85
              ? "healthy"
              : "concerning"
            : q >= 0.45
              ? random() < 0.75
                ? "concerning"
                : "healthy"
              : random() < 0.6
                ? "poor"
                : "concerning";
        const last = previous as ManualTraitValues | null;
        const kept = last !== null && random() < 0.7 ? last : null;
        const pulse: Pulse = kept ? kept.pulse : drawn;
        const champion: boolean = kept ? kept.champion : random() < 0.15 + 0.8 * q;
        const buyer: boolean = kept ? kept.buyer : random() < 0.1 + 0.75 * q;
        previous = { pulse, champion, buyer };
        traitChanges.push({ account_id: id, trait: "taPulse", value: pulse, set_at: at, set_by: setBy });
        traitChanges.push({
          account_id: id,
          trait: "activeChampion",
          value: String(champion),
          set_at: at,
          set_by: setBy,
        });
        traitChanges.push({
          account_id: id,
          trait: "buyerAccess",
          value: String(buyer),
          set_at: at,
          set_by: setBy,
        });
      }
    }
  }

  function ticket(accountId: string, type: "defect" | "help", dayMs: number) {
    ticketNumber += 1;
    return {
      account_id: accountId,
      external_id: `ZD-${ticketNumber}`,
      type,
      opened_at: new Date(dayMs + Math.floor(random() * DAY)).toISOString(),
    };
  }

  await insertJson(
    db,
    usage,
    (
      json,
    ) => sql`insert into usage_daily (account_id, day, dau, mau, seats, instance_version, precise_intel_active)
      select * from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, day date, dau int, mau int, seats int,
        instance_version text, precise_intel_active boolean)`,
  );
  await insertJson(
    db,
    tickets,
    (json) => sql`insert into support_tickets (account_id, external_id, type, opened_at)
      select * from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, external_id text, type text, opened_at timestamptz)`,
  );
  await insertJson(
    db,
    activities,
    (json) => sql`insert into activities (account_id, type, at, contact_id, external_id)
      select * from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, type text, at timestamptz, contact_id uuid, external_id text)`,
  );
  const releases = [...releasesFirstSeen].map(([name, firstSeen]) => {
    const [major, minor] = name.split(".").map(Number);
    return { major, minor, first_seen: firstSeen };
  });
  await insertJson(
    db,
    releases,
    (json) => sql`insert into instance_releases (major, minor, first_seen)
      select * from jsonb_to_recordset(${json}::jsonb) as r(major smallint, minor smallint, first_seen date)
      on conflict (major, minor) do update set first_seen = least(instance_releases.first_seen, excluded.first_seen)`,
  );
  await insertJson(
    db,
    traitChanges,
    (json) => sql`insert into manual_trait_changes (account_id, trait, value, set_at, set_by)
      select * from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, trait text, value text, set_at timestamptz, set_by text)`,
  );
  // The current manual traits are the latest of each account's history.
  await db.execute(sql`insert into account_manual_traits (account_id,
      ta_pulse, ta_pulse_set_at, ta_pulse_set_by,
      active_champion, active_champion_set_at, active_champion_set_by,
      buyer_access, buyer_access_set_at, buyer_access_set_by)
    select c.account_id,
      max(c.value) filter (where c.trait = 'taPulse'), max(c.set_at) filter (where c.trait = 'taPulse'),
      max(c.set_by) filter (where c.trait = 'taPulse'),
      bool_or(c.value::boolean) filter (where c.trait = 'activeChampion'), max(c.set_at) filter (where c.trait = 'activeChampion'),
      max(c.set_by) filter (where c.trait = 'activeChampion'),
      bool_or(c.value::boolean) filter (where c.trait = 'buyerAccess'), max(c.set_at) filter (where c.trait = 'buyerAccess'),
      max(c.set_by) filter (where c.trait = 'buyerAccess')
    from (
      select distinct on (account_id, trait) account_id, trait, value, set_at, set_by
      from manual_trait_changes order by account_id, trait, set_at desc, id desc
    ) c
    group by c.account_id`);
  // A-1's instance version is what the feed last reported.
  await insertJson(
    db,
    [...lastVersion].map(([id, version]) => ({ id, version })),
    (json) => sql`update accounts a set instance_version = r.version
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, version text) where a.id = r.id`,
  );

  // Scores: month ends first (as of each, under the policy in force then), then today.
  await ensureHealthPolicies(systemContext(db, input.at, "seed"));
  const backfill = monthEndsBefore(input.today, plan.backfillMonths);
  for (const monthEnd of backfill) {
    await recomputeHealth(db, {
      asOf: monthEnd,
      at: new Date(`${monthEnd}T23:59:59Z`),
      cause: `backfill as of ${monthEnd}`,
      manualTraits: "history",
      snapshots: "always",
    });
  }
  const current = await recomputeHealth(db, { asOf: input.today, at: input.at, cause: "seed" });
  const [counts] = await queryRows<{ usage: number; tickets: number; activities: number }>(
    db,
    sql`select (select count(*) from usage_daily)::int as usage, (select count(*) from support_tickets)::int as tickets,
      (select count(*) from activities)::int as activities`,
  );
  return {
    ...plan,
    usageRows: counts?.usage ?? 0,
    tickets: counts?.tickets ?? 0,
    activities: counts?.activities ?? 0,
    scored: current.accounts,
    backfilledMonthEnds: backfill.length,
  };
}

async function insertJson(
  db: Database,
  rows: readonly unknown[],
  statement: (json: string) => ReturnType<typeof sql>,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(statement(JSON.stringify(rows.slice(i, i + CHUNK))));
  }
}
