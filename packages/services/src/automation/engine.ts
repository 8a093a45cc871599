import type { Executor } from "@keel/db";
import { queryRows, uuidList } from "@keel/db";
import { accountFlags, playbookFirings, stageChanges } from "@keel/db/schema";
import {
  type AccountState,
  addDays,
  defaultLifecyclePolicy,
  defaultSegmentationPolicy,
  dryRun,
  eventsBetween,
  type FiredAction,
  fillVariables,
  type LifecyclePolicy,
  type Observation,
  observe,
  type Playbook,
  type PlaybookEvent,
  type StageDecision,
  segmentAccount,
  stageFor,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { enqueueWebhook } from "#webhooks/outbox.ts";
import { loadAccountStates } from "./account-state.ts";
import { loadCurrentDocumentTemplate, loadCurrentPlaybooks, loadCurrentProjectTemplate } from "./catalog.ts";
import {
  insertDocumentFromTemplate,
  insertProjectFromTemplate,
  insertTask,
  leadershipIds,
  loadTemplateContext,
  notifyUsers,
  type WorkOrigin,
} from "./work.ts";

export type EvaluateOptions = {
  /** Omitted: the whole book (the daily sweep). */
  accountIds?: readonly string[];
  /** The day the rules are evaluated for (date triggers, stages). */
  today: string;
  /** When: stamps stage changes, firings and what they create. */
  at: Date;
  /** Events only the caller knows of (an account was just created). */
  events?: ReadonlyMap<string, readonly PlaybookEvent[]>;
  playbooks?: readonly Playbook[];
  lifecyclePolicy?: LifecyclePolicy;
};

/** One account's evaluation, before anything is written: what the dry run shows. */
export type AccountPlan = {
  state: AccountState;
  stage: StageDecision;
  stageChanged: boolean;
  events: PlaybookEvent[];
  fired: FiredAction[];
};

export type EvaluateResult = {
  accounts: number;
  stageChanges: number;
  /** Actions that fired now (new occurrence keys). */
  fired: number;
  /** Actions that would have fired but already had (a second sweep, a replayed event). */
  alreadyFired: number;
};

/**
 * Lifecycle (L-1…L-6) then playbooks, for each account: decide the stage, find the events
 * since the last evaluation (stage, health category, trait crossings, fields set) plus the
 * caller's, and see what every playbook fires for them and for today's date triggers.
 * Pure apart from the reads; `applyPlans` writes.
 */
export async function planAutomation(db: Executor, options: EvaluateOptions): Promise<AccountPlan[]> {
  const playbooks = options.playbooks ?? (await loadCurrentPlaybooks(db));
  const policy = options.lifecyclePolicy ?? defaultLifecyclePolicy;
  const states = await loadAccountStates(db, { accountIds: options.accountIds });
  const observed = await loadObservations(db, options.accountIds);
  return states.map((before) => {
    const stage = stageFor(
      {
        closeDate: before.closeDate,
        renewalDate: before.renewalDate,
        today: options.today,
        metrics: before.traits,
        previousStage: before.lifecycleStage,
      },
      policy,
    );
    const state: AccountState = { ...before, lifecycleStage: stage.stage };
    const stageChanged = stage.stage !== before.lifecycleStage;
    const reported = options.events?.get(state.accountId) ?? [];
    // A field the caller reported setting (with its time) is not reported again from the diff.
    const reportedFields = new Set(reported.flatMap((e) => (e.type === "fieldSet" ? [e.field] : [])));
    const events: PlaybookEvent[] = [
      ...reported,
      ...(stageChanged
        ? [{ type: "stageChanged" as const, from: before.lifecycleStage, to: stage.stage }]
        : []),
      ...eventsBetween(observed.get(state.accountId) ?? null, observe(state)).filter(
        (e) => e.type !== "fieldSet" || !reportedFields.has(e.field),
      ),
    ];
    const byKey = new Map<string, FiredAction>();
    for (const event of [undefined, ...events]) {
      for (const action of dryRun(playbooks, state, options.today, event)) {
        if (!byKey.has(action.occurrenceKey)) byKey.set(action.occurrenceKey, action);
      }
    }
    return { state, stage, stageChanged, events, fired: [...byKey.values()] };
  });
}

/**
 * Evaluates and acts, in the caller's transaction: in the request that changed an account's
 * data or in the daily sweep. Each action happens at most once per occurrence key — the
 * firing row's primary key decides, so concurrent or repeated runs cannot double it.
 */
export async function evaluateAccounts(db: Executor, options: EvaluateOptions): Promise<EvaluateResult> {
  const plans = await planAutomation(db, options);
  return applyPlans(db, plans, options);
}

export async function applyPlans(
  db: Executor,
  plans: readonly AccountPlan[],
  { today, at }: { today: string; at: Date },
): Promise<EvaluateResult> {
  const result: EvaluateResult = { accounts: plans.length, stageChanges: 0, fired: 0, alreadyFired: 0 };
  let leadership: string[] | null = null;
  const leaders = async () => {
    leadership ??= await leadershipIds(db);
    return leadership;
  };
  // Most planned actions fired on an earlier day (date triggers catch up for a week): one read
  // skips them all; the insert below still decides for the rest, races included.
  const done = await firedKeys(
    db,
    plans.flatMap((p) => p.fired.map((f) => f.occurrenceKey)),
  );
  for (const plan of plans) {
    if (plan.stageChanged && (await recordStageChange(db, plan, at))) result.stageChanges++;
    // A task a playbook creates after a document in the same firing is about that document
    // "complete this Health Assessment"): the task links to it.
    const documentOfFiring = new Map<string, string>();
    for (const fired of plan.fired) {
      if (done.has(fired.occurrenceKey)) {
        result.alreadyFired++;
        continue;
      }
      const claimed = await db
        .insert(playbookFirings)
        .values({
          occurrenceKey: fired.occurrenceKey,
          playbookId: fired.playbookId,
          playbookVersion: fired.playbookVersion,
          ruleId: fired.ruleId,
          accountId: fired.accountId,
          occurrence: fired.occurrence,
          actionIndex: fired.actionIndex,
          action: fired.action,
          reason: fired.reason,
          outcome: {},
          firedAt: at,
        })
        .onConflictDoNothing()
        .returning({ key: playbookFirings.occurrenceKey });
      if (claimed.length === 0) {
        result.alreadyFired++;
        continue;
      }
      const firing = `${fired.playbookId}:${fired.occurrence}`;
      const outcome = await perform(db, fired, plan.state, {
        today,
        at,
        leaders,
        documentId: documentOfFiring.get(firing) ?? null,
      });
      if (typeof outcome.documentId === "string") documentOfFiring.set(firing, outcome.documentId);
      await db.execute(
        sql`update playbook_firings set outcome = ${JSON.stringify(outcome)}::jsonb
          where occurrence_key = ${fired.occurrenceKey}`,
      );
      result.fired++;
    }
  }
  await saveObservations(db, plans, today, at);
  return result;
}

/**
 * L-6: moves the stage only from the stage the plan saw, so two evaluations racing on one
 * account record the change once (the later one finds the stage already moved and skips).
 */
async function recordStageChange(db: Executor, plan: AccountPlan, at: Date): Promise<boolean> {
  const from = plan.events.find((e) => e.type === "stageChanged");
  if (from?.type !== "stageChanged") return false;
  const moved = await queryRows<{ id: string }>(
    db,
    sql`update accounts set lifecycle_stage = ${plan.stage.stage}, updated_at = ${at.toISOString()}::timestamptz
      where id = ${plan.state.accountId} and lifecycle_stage = ${from.from} returning id::text as id`,
  );
  if (moved.length === 0) return false;
  await db.insert(stageChanges).values({
    accountId: plan.state.accountId,
    fromStage: from.from,
    toStage: plan.stage.stage,
    at,
    causeKind: "rule",
    ruleId: plan.stage.ruleId,
    policyVersion: plan.stage.policyVersion,
    reason: plan.stage.reason,
  });
  return true;
}

type Outcome = Record<string, unknown>;

/** What one fired action does; the returned outcome is stored with the firing. */
async function perform(
  db: Executor,
  fired: FiredAction,
  state: AccountState,
  {
    today,
    at,
    leaders,
    documentId,
  }: { today: string; at: Date; leaders: () => Promise<string[]>; documentId: string | null },
): Promise<Outcome> {
  const { action } = fired;
  const origin: WorkOrigin = {
    source: "playbook",
    firingKey: fired.occurrenceKey,
    ruleId: fired.ruleId,
    reason: fired.reason,
  };
  const team = state.team as Record<string, string | null>;
  switch (action.type) {
    case "createTask": {
      const assigneeId = team[action.role] ?? null;
      const task = await insertTask(db, {
        accountId: state.accountId,
        title: action.title,
        assigneeId,
        role: action.role,
        dueDate: addDays(today, action.dueInDays),
        documentId,
        origin,
        at,
      });
      return {
        taskId: task.id,
        assigneeId,
        ...(documentId ? { documentId } : {}),
        ...(assigneeId ? {} : { note: `no ${action.role} assigned` }),
      };
    }
    case "createDocument": {
      const template = await loadCurrentDocumentTemplate(db, action.templateId);
      if (!template) return { skipped: `document template ${action.templateId} does not exist` };
      const doc = await insertDocumentFromTemplate(db, {
        accountId: state.accountId,
        template,
        ownerId: team[action.ownerRole] ?? null,
        context: await loadTemplateContext(db, state.accountId, today),
        origin,
        at,
      });
      return { documentId: doc.id, templateVersion: template.version };
    }
    case "createProject": {
      const template = await loadCurrentProjectTemplate(db, action.templateId);
      if (!template) return { skipped: `project template ${action.templateId} does not exist` };
      const project = await insertProjectFromTemplate(db, {
        accountId: state.accountId,
        template,
        ownerId: team[action.ownerRole] ?? null,
        team,
        startDate: today,
        origin,
        at,
      });
      return { projectId: project.id, tasks: project.taskIds.length };
    }
    case "setFlag": {
      if (action.flag === "redAccount") {
        await db.execute(sql`update accounts set red_account = true where id = ${state.accountId}`);
      }
      await db
        .insert(accountFlags)
        .values({
          accountId: state.accountId,
          flag: action.flag,
          setAt: at,
          reason: fired.reason,
          firingKey: fired.occurrenceKey,
        })
        .onConflictDoUpdate({
          target: [accountFlags.accountId, accountFlags.flag],
          set: { setAt: at, reason: fired.reason, firingKey: fired.occurrenceKey },
        });
      return { flag: action.flag };
    }
    case "notify": {
      const context = await loadTemplateContext(db, state.accountId, today);
      const recipients =
        action.to === "leadership" ? await leaders() : [team[action.to]].filter((id) => id != null);
      const message = fillVariables(action.message, context);
      const sent = await notifyUsers(db, {
        userIds: recipients as string[],
        accountId: state.accountId,
        message,
        ruleId: fired.ruleId,
        reason: fired.reason,
        firingKey: fired.occurrenceKey,
        at,
      });
      return sent > 0 ? { notified: sent } : { skipped: `nobody holds ${action.to}` };
    }
    case "webhook": {
      const enqueued = await enqueueWebhook(db, {
        eventType: action.eventType,
        text: `${state.name}: ${action.eventType} (${fired.ruleId})`,
        event: {
          accountId: state.accountId,
          accountName: state.name,
          ruleId: fired.ruleId,
          reason: fired.reason,
          firingKey: fired.occurrenceKey,
          occurredAt: at.toISOString(),
        },
        firingKey: fired.occurrenceKey,
        at,
      });
      return { webhooks: enqueued };
    }
    case "assignSegment": {
      const assignment = segmentAccount(state, defaultSegmentationPolicy);
      await db.execute(
        sql`update accounts set segment = ${assignment.segment}, pooled = ${assignment.pooled},
          scaled = ${assignment.scaled} where id = ${state.accountId}`,
      );
      return {
        segment: assignment.segment,
        pooled: assignment.pooled,
        scaled: assignment.scaled,
        policyVersion: assignment.policyVersion,
        reason: assignment.reason,
      };
    }
  }
}

/** Which of these occurrence keys have already fired. */
export async function firedKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select occurrence_key as key from playbook_firings
      where occurrence_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
  );
  return new Set(rows.map((r) => r.key));
}

async function loadObservations(
  db: Executor,
  accountIds: readonly string[] | undefined,
): Promise<Map<string, Observation>> {
  const only = accountIds ? sql`where account_id in ${uuidList(accountIds)}` : sql``;
  const rows = await queryRows<{ account_id: string; observed: Observation }>(
    db,
    sql`select account_id::text as account_id, observed from account_automation_state ${only}`,
  );
  return new Map(rows.map((r) => [r.account_id, r.observed]));
}

async function saveObservations(db: Executor, plans: readonly AccountPlan[], today: string, at: Date) {
  // One statement for the whole page of accounts (the sweep evaluates the book in pages).
  for (let i = 0; i < plans.length; i += 1_000) {
    const records = plans
      .slice(i, i + 1_000)
      .map((p) => ({ account_id: p.state.accountId, observed: observe(p.state) }));
    await db.execute(
      sql`insert into account_automation_state (account_id, observed, evaluated_on, evaluated_at)
        select v.account_id, v.observed, ${today}::date, ${at.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(account_id uuid, observed jsonb)
        on conflict (account_id) do update set observed = excluded.observed,
          evaluated_on = excluded.evaluated_on, evaluated_at = excluded.evaluated_at`,
    );
  }
}
