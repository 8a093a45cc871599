import type { Executor } from "@keel/db";
import { queryRows, uuidList } from "@keel/db";
import {
  type AccountState,
  type HealthCategory,
  type HealthInputs,
  type LifecycleStage,
  type Segment,
  type StoredHealthBreakdown,
  type SupportLevel,
  showBreakdown,
} from "@keel/domain";
import { type SQL, sql } from "drizzle-orm";

type StateRow = {
  id: string;
  name: string;
  arr_cents: string | number;
  seats_purchased: number;
  segment: Segment;
  support_level: SupportLevel;
  pooled: boolean;
  scaled: boolean;
  lifecycle_stage: LifecycleStage;
  red_account: boolean;
  close_date: string | null;
  contract_start: string | null;
  renewal_date: string | null;
  support_level_set_at: string | null;
  team: Record<string, { userId: string; assignedAt: string }> | null;
  health_category: HealthCategory | null;
  breakdown: StoredHealthBreakdown | null;
  trait_values: HealthInputs | null;
  handoff_doc_created_at: string | null;
  contacts_tagged_at: string | null;
  last_activity_date: string | null;
  manual_traits_refreshed_at: string | null;
};

const day = (expression: SQL) => sql`to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD')`;

/**
 * What playbooks and recommendations read, for many accounts in one query: the account
 * (A-1), its team, its current health (category, breakdown, trait values), hand-off progress
 * (A-3), contact tagging (C-3), last activity (M-6) and the manual-trait refresh (M-7).
 */
export async function loadAccountStates(
  db: Executor,
  { accountIds }: { accountIds?: readonly string[] } = {},
): Promise<AccountState[]> {
  const only = accountIds ? sql`where a.id in ${uuidList(accountIds)}` : sql``;
  const rows = await queryRows<StateRow>(
    db,
    sql`select a.id::text as id, a.name, a.arr_cents::text as arr_cents, a.seats_purchased, a.segment,
        a.support_level, a.pooled, a.scaled, a.lifecycle_stage, a.red_account,
        a.close_date::text as close_date, a.contract_start::text as contract_start,
        a.renewal_date::text as renewal_date, ${day(sql`a.support_level_set_at`)} as support_level_set_at,
        (select jsonb_object_agg(t.role, jsonb_build_object('userId', t.user_id,
            'assignedAt', ${day(sql`t.assigned_at`)}))
          from account_team t where t.account_id = a.id) as team,
        h.category as health_category, h.breakdown, h.inputs -> 'values' as trait_values,
        (select ${day(sql`min(d.created_at)`)} from documents d
          where d.account_id = a.id and d.template_id = 'handoff') as handoff_doc_created_at,
        (select case when count(*) > 0 and bool_and(cardinality(c.roles) > 0)
            then ${day(sql`max(c.updated_at)`)} end
          from contacts c where c.account_id = a.id) as contacts_tagged_at,
        (select ${day(sql`max(x.at)`)} from activities x where x.account_id = a.id) as last_activity_date,
        case when m.ta_pulse_set_at is not null and m.active_champion_set_at is not null
            and m.buyer_access_set_at is not null
          then ${day(sql`least(m.ta_pulse_set_at, m.active_champion_set_at, m.buyer_access_set_at)`)}
        end as manual_traits_refreshed_at
      from accounts a
        left join account_health h on h.account_id = a.id
        left join account_manual_traits m on m.account_id = a.id
      ${only}
      order by a.id`,
  );
  return rows.map(toState);
}

function toState(row: StateRow): AccountState {
  const team = row.team ?? {};
  const seat = (role: string) => team[role]?.userId ?? null;
  const values = row.trait_values ?? {};
  return {
    accountId: row.id,
    name: row.name,
    arrCents: Number(row.arr_cents),
    seatsPurchased: row.seats_purchased,
    segment: row.segment,
    supportLevel: row.support_level,
    pooled: row.pooled,
    scaled: row.scaled,
    lifecycleStage: row.lifecycle_stage,
    redAccount: row.red_account,
    closeDate: row.close_date,
    contractStart: row.contract_start,
    renewalDate: row.renewal_date,
    team: { ta: seat("ta"), ae: seat("ae"), ce: seat("ce"), ie: seat("ie"), tpm: seat("tpm") },
    healthCategory: row.health_category,
    healthBreakdown: row.breakdown ? showBreakdown(row.breakdown) : null,
    traits: {
      taPulse: values.taPulse ?? null,
      versionsBehind: values.versionsBehind ?? null,
      activeChampion: values.activeChampion ?? null,
      buyerAccess: values.buyerAccess ?? null,
      daysSinceLastActivity: values.daysSinceLastActivity ?? null,
      dauOverMau: values.dauOverMau ?? null,
      mauOverSeats: values.mauOverSeats ?? null,
    },
    handoff: {
      supportLevelSetAt: row.support_level_set_at,
      taAssignedAt: team.ta?.assignedAt ?? null,
      handoffDocCreatedAt: row.handoff_doc_created_at,
    },
    contactsTaggedAt: row.contacts_tagged_at,
    lastActivityDate: row.last_activity_date,
    manualTraitsRefreshedAt: row.manual_traits_refreshed_at,
  };
}
