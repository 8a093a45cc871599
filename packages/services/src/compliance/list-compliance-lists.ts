import { queryRows } from "@keel/db";
import {
  type AccountState,
  addDays,
  daysBetween,
  lighthousePolicy,
  renewalPolicy,
  slaPolicy,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { loadAccountStates } from "#automation/account-state.ts";
import { type ServiceContext, todayOf } from "#context.ts";

export type ComplianceItem = {
  accountId: string;
  accountName: string;
  ta: { id: string; name: string } | null;
  /** The day the SLA was due. */
  dueOn: string;
  daysLate: number;
  detail: string;
};

export type ComplianceList = {
  id:
    | "contacts-not-tagged"
    | "not-contacted"
    | "traits-not-refreshed"
    | "missed-handoff-steps"
    | "save-plans-not-updated"
    | "lighthouse-updates-late";
  ruleIds: string[];
  title: string;
  sla: string;
  items: ComplianceItem[];
};

/** Every day counts once a step is due: "late by 0 days" is due today, not late. */
const late = (dueOn: string, today: string) => daysBetween(dueOn, today);

/**
 * the handbook's SLAs, each as a live list of who is late, from the same account state
 * the playbooks read. `ta` narrows to one TA's book.
 */
export async function listComplianceLists(
  { db, now }: ServiceContext,
  { ta }: { ta?: string },
): Promise<{ today: string; lists: ComplianceList[] }> {
  const today = todayOf(now);
  const states = await loadAccountStates(db);
  const names = new Map(
    (await queryRows<{ id: string; name: string }>(db, sql`select id, name from "user"`)).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const mine = ta ? states.filter((s) => s.team.ta === ta) : states;
  const item = (s: AccountState, dueOn: string, detail: string): ComplianceItem => ({
    accountId: s.accountId,
    accountName: s.name,
    ta: s.team.ta ? { id: s.team.ta, name: names.get(s.team.ta) ?? s.team.ta } : null,
    dueOn,
    daysLate: late(dueOn, today),
    detail,
  });
  const customers = mine.filter((s) => s.lifecycleStage !== "prospect");

  const contactsNotTagged = customers.flatMap((s) => {
    if (!s.contractStart || s.contactsTaggedAt) return [];
    const dueOn = addDays(s.contractStart, slaPolicy.contactTaggingDays);
    return late(dueOn, today) > 0
      ? [item(s, dueOn, `signed ${s.contractStart}; contacts still without roles`)]
      : [];
  });
  const notContacted = customers.flatMap((s) => {
    const since = s.lastActivityDate ?? s.contractStart;
    if (!since) return [];
    const dueOn = addDays(since, slaPolicy.contactCadenceDays);
    return late(dueOn, today) > 0
      ? [
          item(
            s,
            dueOn,
            s.lastActivityDate
              ? `last activity ${s.lastActivityDate}`
              : `no activity logged since signature (${since})`,
          ),
        ]
      : [];
  });
  const traitsNotRefreshed = customers.flatMap((s) => {
    const refreshed = s.manualTraitsRefreshedAt;
    const dueOn = refreshed
      ? addDays(refreshed, slaPolicy.traitRefreshDays)
      : (s.contractStart ?? s.closeDate ?? today);
    return late(dueOn, today) > 0
      ? [
          item(
            s,
            dueOn,
            refreshed ? `last refreshed ${refreshed}` : "pulse, buyer access and champion never all set",
          ),
        ]
      : [];
  });
  const missedHandoff = mine.flatMap((s) => {
    if (s.lifecycleStage !== "prospect" || !s.closeDate) return [];
    const steps: ComplianceItem[] = [];
    const t45 = addDays(s.closeDate, -45);
    const t35 = addDays(s.closeDate, -35);
    const t30 = addDays(s.closeDate, -30);
    if (!s.handoff.supportLevelSetAt && late(t45, today) > 0)
      steps.push(item(s, t45, `T-45: support level not set (closes ${s.closeDate})`));
    if (!s.team.ta && late(t35, today) > 0)
      steps.push(item(s, t35, `T-35: no TA assigned (closes ${s.closeDate})`));
    if (!s.handoff.handoffDocCreatedAt && late(t30, today) > 0)
      steps.push(item(s, t30, `T-30: no Handoff Doc (closes ${s.closeDate})`));
    return steps;
  });
  // a yellow renewal's Account Save Plan, written within a week of the approved
  // rating and updated weekly after (renewalPolicy.savePlanStaleDays).
  const savePlans = await queryRows<{
    account_id: string;
    due_date: string;
    approved_on: string;
    updated_on: string | null;
  }>(
    db,
    sql`select r.account_id::text, r.due_date::text,
        (select max(p.approved_at)::date::text from renewal_assessment_approvals p where p.renewal_id = r.id) as approved_on,
        (select max(d.updated_at)::date::text from documents d where d.account_id = r.account_id
          and d.template_id = 'account-save-plan' and d.created_at >= r.due_date - ${renewalPolicy.assessmentStartDays}::int) as updated_on
      from renewals r join renewal_assessments ra on ra.renewal_id = r.id
      where r.processed_at is null and ra.rating = 'yellow'
        and (select count(*) from renewal_assessment_approvals p where p.renewal_id = r.id) = 2`,
  );
  const stateOf = new Map(mine.map((s) => [s.accountId, s]));
  const savePlansLate = savePlans.flatMap((row) => {
    const s = stateOf.get(row.account_id);
    if (!s) return [];
    const dueOn = addDays(row.updated_on ?? row.approved_on, renewalPolicy.savePlanStaleDays);
    if (late(dueOn, today) <= 0) return [];
    return [
      item(
        s,
        dueOn,
        row.updated_on
          ? `save plan last updated ${row.updated_on} (renews ${row.due_date})`
          : `no save plan since the yellow rating of ${row.approved_on} (renews ${row.due_date})`,
      ),
    ];
  });
  // LH-4 / X-6: the TA updates a Lighthouse save plan every week (from entry on).
  const stays = await queryRows<{ account_id: string; entered_on: string; updated_on: string | null }>(
    db,
    sql`select e.account_id::text, e.entered_at::date::text as entered_on,
        (select max(u.created_at)::date::text from lighthouse_updates u where u.enrolment_id = e.id) as updated_on
      from lighthouse_enrolments e where e.exited_at is null`,
  );
  const lighthouseLate = stays.flatMap((row) => {
    const s = stateOf.get(row.account_id);
    if (!s) return [];
    const dueOn = addDays(row.updated_on ?? row.entered_on, lighthousePolicy.updateEveryDays);
    if (late(dueOn, today) <= 0) return [];
    return [
      item(
        s,
        dueOn,
        row.updated_on
          ? `last weekly update ${row.updated_on}`
          : `no weekly update since it entered Lighthouse on ${row.entered_on}`,
      ),
    ];
  });
  const mostLate = (items: ComplianceItem[]) =>
    items.sort((a, b) => b.daysLate - a.daysLate || a.accountName.localeCompare(b.accountName));
  return {
    today,
    lists: [
      {
        id: "contacts-not-tagged",
        ruleIds: ["C-3"],
        title: `Contacts not tagged within ${slaPolicy.contactTaggingDays} days of signature`,
        sla: `${slaPolicy.contactTaggingDays} days after contract start`,
        items: mostLate(contactsNotTagged),
      },
      {
        id: "not-contacted",
        ruleIds: ["M-6"],
        title: `Customers not contacted in ${slaPolicy.contactCadenceDays} days`,
        sla: "at least once a month",
        items: mostLate(notContacted),
      },
      {
        id: "traits-not-refreshed",
        ruleIds: ["M-7"],
        title: "Manual traits not refreshed in a month",
        sla: "every month",
        items: mostLate(traitsNotRefreshed),
      },
      {
        id: "missed-handoff-steps",
        ruleIds: ["A-3"],
        title: "Missed hand-off steps",
        sla: "T-45 support level, T-35 TA, T-30 Handoff Doc",
        items: mostLate(missedHandoff),
      },
      {
        id: "save-plans-not-updated",
        ruleIds: ["R-2", "LH-4"],
        title: "Save plans of yellow renewals not updated this week",
        sla: `every ${renewalPolicy.savePlanStaleDays} days`,
        items: mostLate(savePlansLate),
      },
      {
        id: "lighthouse-updates-late",
        ruleIds: ["LH-4"],
        title: "Lighthouse save plans without this week's update",
        sla: `every ${lighthousePolicy.updateEveryDays} days`,
        items: mostLate(lighthouseLate),
      },
    ],
  };
}
