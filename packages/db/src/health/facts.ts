import { addDays, type HealthFacts, healthWindows, type Pulse } from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { isoUtc, queryRows, uuidList } from "../sql.ts";

export type LoadHealthFactsOptions = {
  /** The day scored (ISO); only data at or before its end is read (X-4). */
  asOf: string;
  /** Only these accounts; omitted: the whole book. */
  accountIds?: readonly string[];
  /**
   * Where manual traits come from: the current values ("current", for today's score) or their
   * history as it stood at the end of `asOf` ("history", for time travel and backfills).
   */
  manualTraits: "current" | "history";
  /**
   * Only accounts with `after < id <= upTo` (either end open when omitted): one page of a
   * whole-book sweep. Every aggregate is limited to the range too, so a page reads only its rows.
   */
  idRange?: { after?: string | null; upTo?: string | null };
  /** The releases seen by last month end, when the caller already has them (one read per sweep). */
  releasesSeen?: readonly { major: number; minor: number }[];
};

export type AccountHealthFacts = {
  accountId: string;
  facts: HealthFacts;
  /** The stored score's revision when read (0: none yet); the writer uses it to skip newer writes. */
  revision: number;
};

type FactsRow = {
  account_id: string;
  seats: number;
  contract_start: string | null;
  support_live: boolean;
  activity_live: boolean;
  avg_dau: number | null;
  usage_days: number;
  precise: boolean | null;
  last_month_mau: number | null;
  last_month_mau_day: string | null;
  last_month_version: string | null;
  defects: number;
  helps: number;
  last_activity_day: string | null;
  ta_pulse: string | null;
  ta_pulse_set_at: string | null;
  ta_pulse_set_by: string | null;
  active_champion: string | null;
  active_champion_set_at: string | null;
  active_champion_set_by: string | null;
  buyer_access: string | null;
  buyer_access_set_at: string | null;
  buyer_access_set_by: string | null;
  revision: number;
};

/**
 * The raw aggregates behind every derived trait (H-2, H-6), for one account or the whole book,
 * in one set-based query (no query per account). The rules that turn them into trait values are
 * the domain's `deriveHealthInputs`.
 */
export async function loadHealthFacts(
  db: Executor,
  options: LoadHealthFactsOptions,
): Promise<AccountHealthFacts[]> {
  const w = healthWindows(options.asOf);
  const endOfDay = `${addDays(options.asOf, 1)}T00:00:00Z`;
  const ticketsFrom = `${w.ticketsFrom}T00:00:00Z`;
  const after = options.idRange?.after ?? null;
  const upTo = options.idRange?.upTo ?? null;
  /** `column` within the page's id range (`true` without one). */
  const inRange = (column: SQL): SQL => {
    const parts: SQL[] = [];
    if (after !== null) parts.push(sql`${column} > ${after}::uuid`);
    if (upTo !== null) parts.push(sql`${column} <= ${upTo}::uuid`);
    return parts.length ? sql.join(parts, sql` and `) : sql`true`;
  };
  const accountFilter: SQL = options.accountIds
    ? sql`a.id in ${uuidList(options.accountIds)} and ${inRange(sql`a.id`)}`
    : inRange(sql`a.id`);

  const manual: SQL =
    options.manualTraits === "current"
      ? sql`select m.account_id,
            m.ta_pulse, ${isoUtc(sql`m.ta_pulse_set_at`)} as ta_pulse_set_at, m.ta_pulse_set_by,
            m.active_champion::text as active_champion, ${isoUtc(sql`m.active_champion_set_at`)} as active_champion_set_at, m.active_champion_set_by,
            m.buyer_access::text as buyer_access, ${isoUtc(sql`m.buyer_access_set_at`)} as buyer_access_set_at, m.buyer_access_set_by
          from account_manual_traits m
          where ${options.accountIds ? sql`m.account_id in (select id from acc)` : inRange(sql`m.account_id`)}`
      : sql`select c.account_id,
            max(c.value) filter (where c.trait = 'taPulse') as ta_pulse,
            max(${isoUtc(sql`c.set_at`)}) filter (where c.trait = 'taPulse') as ta_pulse_set_at,
            max(c.set_by) filter (where c.trait = 'taPulse') as ta_pulse_set_by,
            max(c.value) filter (where c.trait = 'activeChampion') as active_champion,
            max(${isoUtc(sql`c.set_at`)}) filter (where c.trait = 'activeChampion') as active_champion_set_at,
            max(c.set_by) filter (where c.trait = 'activeChampion') as active_champion_set_by,
            max(c.value) filter (where c.trait = 'buyerAccess') as buyer_access,
            max(${isoUtc(sql`c.set_at`)}) filter (where c.trait = 'buyerAccess') as buyer_access_set_at,
            max(c.set_by) filter (where c.trait = 'buyerAccess') as buyer_access_set_by
          from (
            select distinct on (h.account_id, h.trait) h.account_id, h.trait, h.value, h.set_at, h.set_by
            from manual_trait_changes h join acc on acc.id = h.account_id
            where h.set_at < ${endOfDay}::timestamptz and ${inRange(sql`h.account_id`)}
            order by h.account_id, h.trait, h.set_at desc, h.id desc
          ) c
          group by c.account_id`;

  const rows = await queryRows<FactsRow>(
    db,
    sql`with acc as (
      select a.id, a.seats_purchased, a.contract_start from accounts a where ${accountFilter}
    ),
    win as (
      select u.account_id, avg(u.dau)::float8 as avg_dau, count(*)::int as usage_days,
        (array_agg(u.precise_intel_active order by u.day desc)
          filter (where u.precise_intel_active is not null))[1] as precise
      from usage_daily u join acc on acc.id = u.account_id
      where u.day between ${w.usageFrom}::date and ${w.asOf}::date and ${inRange(sql`u.account_id`)}
      group by u.account_id
    ),
    lm as (
      select distinct on (u.account_id) u.account_id, u.mau, u.day::text as day
      from usage_daily u join acc on acc.id = u.account_id
      where u.day between ${w.lastMonthStart}::date and ${w.lastMonthEnd}::date and ${inRange(sql`u.account_id`)}
      order by u.account_id, u.day desc
    ),
    lv as (
      select distinct on (u.account_id) u.account_id, u.instance_version
      from usage_daily u join acc on acc.id = u.account_id
      where u.day between ${w.lastMonthStart}::date and ${w.lastMonthEnd}::date and u.instance_version is not null
        and ${inRange(sql`u.account_id`)}
      order by u.account_id, u.day desc
    ),
    tk as (
      select t.account_id,
        (count(*) filter (where t.type = 'defect'))::int as defects,
        (count(*) filter (where t.type = 'help'))::int as helps
      from support_tickets t join acc on acc.id = t.account_id
      where t.opened_at >= ${ticketsFrom}::timestamptz and t.opened_at < ${endOfDay}::timestamptz
        and ${inRange(sql`t.account_id`)}
      group by t.account_id
    ),
    act as (
      select x.account_id, ((max(x.at) at time zone 'UTC')::date)::text as last_day
      from activities x join acc on acc.id = x.account_id
      where x.at < ${endOfDay}::timestamptz and ${inRange(sql`x.account_id`)}
      group by x.account_id
    ),
    mt as (${manual})
    select acc.id as account_id, acc.seats_purchased::int as seats, acc.contract_start::text as contract_start,
      exists (select 1 from support_tickets where opened_at < ${endOfDay}::timestamptz) as support_live,
      exists (select 1 from activities where at < ${endOfDay}::timestamptz) as activity_live,
      win.avg_dau, coalesce(win.usage_days, 0)::int as usage_days, win.precise,
      lm.mau as last_month_mau, lm.day as last_month_mau_day, lv.instance_version as last_month_version,
      coalesce(tk.defects, 0)::int as defects, coalesce(tk.helps, 0)::int as helps,
      act.last_day as last_activity_day,
      mt.ta_pulse, mt.ta_pulse_set_at, mt.ta_pulse_set_by,
      mt.active_champion, mt.active_champion_set_at, mt.active_champion_set_by,
      mt.buyer_access, mt.buyer_access_set_at, mt.buyer_access_set_by,
      coalesce(h.revision, 0)::float8 as revision
    from acc
      left join win on win.account_id = acc.id
      left join lm on lm.account_id = acc.id
      left join lv on lv.account_id = acc.id
      left join tk on tk.account_id = acc.id
      left join act on act.account_id = acc.id
      left join mt on mt.account_id = acc.id
      left join account_health h on h.account_id = acc.id
    order by acc.id`,
  );

  const releasesSeen = options.releasesSeen ?? (await loadReleasesSeen(db, options.asOf));

  return rows.map((row) => ({
    accountId: row.account_id,
    revision: Number(row.revision),
    facts: {
      asOf: options.asOf,
      seatsPurchased: row.seats,
      customerSince: row.contract_start,
      supportFeedLive: row.support_live,
      activityFeedLive: row.activity_live,
      avgDau28: row.avg_dau === null ? null : Number(row.avg_dau),
      usageDays28: row.usage_days,
      lastMonthMau: row.last_month_mau,
      lastMonthMauDay: row.last_month_mau_day,
      lastMonthVersion: row.last_month_version,
      releasesSeen,
      preciseIntelActive: row.precise,
      defectTickets90d: row.defects,
      helpTickets90d: row.helps,
      lastActivityDay: row.last_activity_day,
      manual: {
        taPulse:
          row.ta_pulse && row.ta_pulse_set_at
            ? { value: row.ta_pulse as Pulse, setAt: row.ta_pulse_set_at, setBy: row.ta_pulse_set_by }
            : null,
        activeChampion: booleanFact(
          row.active_champion,
          row.active_champion_set_at,
          row.active_champion_set_by,
        ),
        buyerAccess: booleanFact(row.buyer_access, row.buyer_access_set_at, row.buyer_access_set_by),
      },
    },
  }));
}

function booleanFact(value: string | null, setAt: string | null, setBy: string | null) {
  if (value === null || setAt === null) return null;
  return { value: value === "true", setAt, setBy };
}

/** The releases first seen by the end of the month before `asOf` (H-6 versions behind). */
export async function loadReleasesSeen(db: Executor, asOf: string) {
  const w = healthWindows(asOf);
  return queryRows<{ major: number; minor: number }>(
    db,
    sql`select major::int as major, minor::int as minor from instance_releases where first_seen <= ${w.lastMonthEnd}::date`,
  );
}
