import { type Executor, queryRows } from "@keel/db";
import type { PlaybookAction } from "@keel/domain";
import { sql } from "drizzle-orm";
import { firedKeys, planAutomation } from "#automation/engine.ts";

export type DryRunItem = {
  accountId: string;
  accountName: string;
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  occurrence: string;
  occurrenceKey: string;
  action: PlaybookAction;
  summary: string;
  reason: string;
  /** Already done for this occurrence: running now would not do it again. */
  alreadyFired: boolean;
};

export type DryRunStageChange = {
  accountId: string;
  accountName: string;
  from: string;
  to: string;
  ruleId: string;
  reason: string;
};

export function describeAction(action: PlaybookAction): string {
  switch (action.type) {
    case "createTask":
      return `task for the ${action.role.toUpperCase()}: ${action.title} (due in ${action.dueInDays} days)`;
    case "createDocument":
      return `document from the ${action.templateId} template (owner: ${action.ownerRole.toUpperCase()})`;
    case "createProject":
      return `project from the ${action.templateId} template (owner: ${action.ownerRole.toUpperCase()})`;
    case "setFlag":
      return `flag the account: ${action.flag}`;
    case "notify":
      return `notify ${action.to === "leadership" ? "leadership" : `the ${action.to.toUpperCase()}`}: ${action.message}`;
    case "webhook":
      return `webhook ${action.eventType}`;
    case "assignSegment":
      return "assign segment and pooled/scaled flags (A-2)";
  }
}

/**
 * X-1 dry run: what the engine would do on `today` for these accounts and why — the same
 * planning the sweep and the requests use, with nothing written.
 */
export async function dryRunPlaybooks(
  db: Executor,
  { accountIds, today, at }: { accountIds?: readonly string[]; today: string; at: Date },
): Promise<{ today: string; accounts: number; items: DryRunItem[]; stageChanges: DryRunStageChange[] }> {
  const plans = await planAutomation(db, { accountIds, today, at });
  const fired = await firedKeys(
    db,
    plans.flatMap((p) => p.fired.map((f) => f.occurrenceKey)),
  );
  return {
    today,
    accounts: plans.length,
    items: plans.flatMap((plan) =>
      plan.fired.map((f) => ({
        accountId: plan.state.accountId,
        accountName: plan.state.name,
        playbookId: f.playbookId,
        playbookVersion: f.playbookVersion,
        ruleId: f.ruleId,
        occurrence: f.occurrence,
        occurrenceKey: f.occurrenceKey,
        action: f.action,
        summary: describeAction(f.action),
        reason: f.reason,
        alreadyFired: fired.has(f.occurrenceKey),
      })),
    ),
    stageChanges: plans
      .filter((p) => p.stageChanged)
      .map((p) => {
        const change = p.events.find((e) => e.type === "stageChanged");
        return {
          accountId: p.state.accountId,
          accountName: p.state.name,
          from: change?.type === "stageChanged" ? (change.from ?? "none") : "none",
          to: p.stage.stage,
          ruleId: p.stage.ruleId,
          reason: p.stage.reason,
        };
      }),
  };
}

export type FiringView = {
  occurrenceKey: string;
  playbookId: string;
  playbookVersion: number;
  ruleId: string;
  accountId: string;
  accountName: string;
  occurrence: string;
  action: PlaybookAction;
  summary: string;
  reason: string;
  outcome: Record<string, unknown>;
  firedAt: string;
};

/** What playbooks did, newest first: the audit trail of automation (X-1, X-3). */
export async function listFirings(
  db: Executor,
  { accountId, playbookId, limit }: { accountId?: string; playbookId?: string; limit: number },
): Promise<FiringView[]> {
  const rows = await queryRows<Omit<FiringView, "summary">>(
    db,
    sql`select f.occurrence_key as "occurrenceKey", f.playbook_id as "playbookId",
        f.playbook_version as "playbookVersion", f.rule_id as "ruleId", f.account_id::text as "accountId",
        a.name as "accountName", f.occurrence, f.action, f.reason, f.outcome,
        to_char(f.fired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firedAt"
      from playbook_firings f join accounts a on a.id = f.account_id
      where (${accountId ?? null}::uuid is null or f.account_id = ${accountId ?? null}::uuid)
        and (${playbookId ?? null}::text is null or f.playbook_id = ${playbookId ?? null}::text)
      order by f.fired_at desc, f.occurrence_key
      limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, summary: describeAction(r.action) }));
}

/** The accounts where a person holds any seat on the team ("mine"). */
export async function accountsWithSeat(db: Executor, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct account_id::text as id from account_team where user_id = ${userId}`,
  );
  return rows.map((r) => r.id);
}
