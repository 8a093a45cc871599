import { queryRows } from "@keel/db";
import type { LifecycleStage, StageDecision } from "@keel/domain";
import { sql } from "drizzle-orm";
import { planAutomation } from "#automation/engine.ts";
import { type ServiceContext, todayOf } from "#context.ts";

export type StageChangeView = {
  id: number;
  fromStage: LifecycleStage | null;
  toStage: LifecycleStage;
  at: string;
  cause:
    | { kind: "rule"; ruleId: string; policyVersion: number | null }
    | { kind: "person"; user: { id: string; name: string } | null };
  reason: string;
};

/**
 * L-6: the account's stage changes, newest first, and why it is in its stage now (X-1: the rule
 * and the data, decided the same way the engine decides it).
 */
export async function getStageHistory(
  { db, now }: ServiceContext,
  { accountId }: { accountId: string },
): Promise<{ current: StageDecision; changes: StageChangeView[] }> {
  const today = todayOf(now);
  const at = now;
  const rows = await queryRows<{
    id: number;
    from_stage: LifecycleStage | null;
    to_stage: LifecycleStage;
    at: string;
    cause_kind: "rule" | "person";
    rule_id: string | null;
    policy_version: number | null;
    user_id: string | null;
    user_name: string | null;
    reason: string;
  }>(
    db,
    sql`select s.id::int as id, s.from_stage, s.to_stage,
        to_char(s.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
        s.cause_kind, s.rule_id, s.policy_version, s.user_id, u.name as user_name, s.reason
      from stage_changes s left join "user" u on u.id = s.user_id
      where s.account_id = ${accountId}::uuid order by s.at desc, s.id desc`,
  );
  const [plan] = await planAutomation(db, { accountIds: [accountId], today, at, playbooks: [] });
  return {
    current: plan!.stage,
    changes: rows.map((r) => ({
      id: r.id,
      fromStage: r.from_stage,
      toStage: r.to_stage,
      at: r.at,
      cause:
        r.cause_kind === "rule"
          ? { kind: "rule", ruleId: r.rule_id ?? "", policyVersion: r.policy_version }
          : { kind: "person", user: r.user_id ? { id: r.user_id, name: r.user_name ?? r.user_id } : null },
      reason: r.reason,
    })),
  };
}
