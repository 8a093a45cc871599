import type { Executor } from "@keel/db";
import { firedKeys, planAutomation } from "#automation/engine.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import {
  accountsWithSeat,
  type DryRunItem,
  type DryRunStageChange,
  describeAction,
} from "./playbook-plans.ts";

/**
 * X-1 dry run: what the engine would do on `today` for these accounts and why — the same
 * planning the sweep and the requests use, with nothing written.
 */
export async function dryRunPlaybooks(
  { db, actor, now }: ServiceContext,
  input: {
    /** One account; else `scope`: "mine" (accounts where the actor holds a seat) or "book". */
    accountId?: string;
    scope: "mine" | "book";
    /** The day to plan for; default today. */
    date?: string;
    /** Keep what already fired for its occurrence (shown as such). */
    includeFired: boolean;
  },
): Promise<{ today: string; accounts: number; items: DryRunItem[]; stageChanges: DryRunStageChange[] }> {
  const today = input.date ?? todayOf(now);
  const accountIds = input.accountId
    ? [input.accountId]
    : input.scope === "book"
      ? undefined
      : await accountsWithSeat(db, actor.id);
  if (accountIds && accountIds.length === 0) return { today, accounts: 0, items: [], stageChanges: [] };
  const plan = await planDryRun(db, { accountIds, today, at: now });
  return { ...plan, items: input.includeFired ? plan.items : plan.items.filter((i) => !i.alreadyFired) };
}

async function planDryRun(
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
