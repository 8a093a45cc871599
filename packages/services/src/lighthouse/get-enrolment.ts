import { queryRows } from "@keel/db";
import {
  type ApprovalSide,
  allowedAccountActions,
  type CriterionStatus,
  checkCriterion,
  checkExitApproval,
  criteriaProgress,
  daysInProgram,
  describeCriterion,
  type EnrolmentSource,
  type EnrolmentState,
  type ExitOutcome,
  enrolmentState,
  isoDay,
  type SuccessCriterion,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { loadAssignments } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { type PersonRef, personRef } from "#tasks/task-view.ts";
import { loadAccountMeasures } from "./criteria.ts";

export type EnrolmentCriterion = {
  id: string;
  definition: SuccessCriterion;
  description: string;
  status: CriterionStatus;
  value: string | null;
  /** why it is met or not, in words. */
  reason: string;
  evidence: { text: string; metOn: string; by: PersonRef | null } | null;
  history: Array<{ status: CriterionStatus; value: string | null; at: string }>;
  steps: Array<{
    id: string;
    title: string;
    owner: PersonRef | null;
    dueOn: string;
    taskId: string | null;
    done: boolean;
  }>;
};

export type EnrolmentDetail = {
  id: string;
  accountId: string;
  accountName: string;
  source: EnrolmentSource;
  reason: string;
  renewalId: string | null;
  enteredAt: string;
  enteredBy: PersonRef | null;
  sponsor: PersonRef | null;
  sharedWith: PersonRef[];
  savePlanDocumentId: string | null;
  planPresentedOn: string | null;
  exit: { outcome: ExitOutcome; at: string; note: string | null } | null;
  daysInProgram: number;
  state: EnrolmentState;
  stateReason: string;
  plan: { problem: string; goal: string; updatedAt: string; updatedBy: PersonRef | null } | null;
  criteria: EnrolmentCriterion[];
  progress: { met: number; total: number; allMet: boolean };
  updates: Array<{
    id: string;
    author: PersonRef | null;
    progress: string;
    blockers: string;
    risks: string;
    asks: string;
    at: string;
  }>;
  approvals: Array<{ side: ApprovalSide; by: PersonRef; at: string }>;
  /** What the reader may do here (the server would allow it): update the plan, approve the exit,
   *  name the sponsor or end the stay. */
  actions: { update: boolean; approveExit: boolean; lead: boolean };
  version: number;
};

/** LH-2…LH-5: one enrolment whole — plan, live criteria with their history, updates, approvals. */
export async function getEnrolment(
  ctx: ServiceContext,
  { enrolmentId }: { enrolmentId: string },
): Promise<EnrolmentDetail> {
  const { db, actor } = ctx;
  const today = todayOf(ctx.now);
  const [e] = await queryRows<{
    id: string;
    account_id: string;
    account_name: string;
    source: EnrolmentSource;
    reason: string;
    renewal_id: string | null;
    entered_at: string;
    entered_by: string | null;
    entered_by_name: string | null;
    sponsor_id: string | null;
    sponsor_name: string | null;
    shared_with: string[];
    save_plan_document_id: string | null;
    plan_presented_on: string | null;
    exit_outcome: ExitOutcome | null;
    exited_at: string | null;
    exit_note: string | null;
    version: number;
    problem: string | null;
    goal: string | null;
    plan_updated_at: string | null;
    plan_by: string | null;
    plan_by_name: string | null;
  }>(
    db,
    sql`select e.id::text, e.account_id::text, a.name as account_name, e.source, e.reason, e.renewal_id::text,
        e.entered_at::text, e.entered_by, eb.name as entered_by_name, e.sponsor_id, sp.name as sponsor_name,
        e.shared_with, e.save_plan_document_id::text, e.plan_presented_on::text, e.exit_outcome, e.exited_at::text,
        e.exit_note, e.version, p.problem, p.goal, p.updated_at::text as plan_updated_at, p.updated_by as plan_by,
        pb.name as plan_by_name
      from lighthouse_enrolments e
      join accounts a on a.id = e.account_id
      left join "user" eb on eb.id = e.entered_by
      left join "user" sp on sp.id = e.sponsor_id
      left join lighthouse_save_plans p on p.enrolment_id = e.id
      left join "user" pb on pb.id = p.updated_by
      where e.id = ${enrolmentId}::uuid`,
  );
  if (!e) throw new ServiceError("not_found", `Lighthouse enrolment ${enrolmentId} does not exist`);

  const [criteriaRows, historyRows, stepRows, updateRows, approvalRows, people, measures, team] =
    await Promise.all([
      queryRows<{
        id: string;
        definition: SuccessCriterion;
        status: CriterionStatus;
        value: string | null;
        evidence: string | null;
        met_on: string | null;
        evidence_by: string | null;
        evidence_by_name: string | null;
      }>(
        db,
        sql`select c.id::text, c.definition, c.status, c.value, c.evidence, c.met_on::text, c.evidence_by,
          u.name as evidence_by_name
        from lighthouse_criteria c left join "user" u on u.id = c.evidence_by
        where c.enrolment_id = ${e.id}::uuid order by c.position`,
      ),
      queryRows<{ criterion_id: string; status: CriterionStatus; value: string | null; changed_at: string }>(
        db,
        sql`select h.criterion_id::text, h.status, h.value, h.changed_at::text from lighthouse_criterion_changes h
        join lighthouse_criteria c on c.id = h.criterion_id where c.enrolment_id = ${e.id}::uuid order by h.changed_at, h.id`,
      ),
      queryRows<{
        id: string;
        criterion_id: string;
        title: string;
        owner_id: string | null;
        owner_name: string | null;
        due_on: string;
        task_id: string | null;
        done: boolean;
      }>(
        db,
        sql`select s.id::text, s.criterion_id::text, s.title, s.owner_id, u.name as owner_name, s.due_on::text,
          s.task_id::text, coalesce(t.status = 'done', false) as done
        from lighthouse_steps s join lighthouse_criteria c on c.id = s.criterion_id
        left join "user" u on u.id = s.owner_id left join tasks t on t.id = s.task_id
        where c.enrolment_id = ${e.id}::uuid order by s.position`,
      ),
      queryRows<{
        id: string;
        author_id: string | null;
        author_name: string | null;
        progress: string;
        blockers: string;
        risks: string;
        asks: string;
        created_at: string;
      }>(
        db,
        sql`select x.id::text, x.author_id, u.name as author_name, x.progress, x.blockers, x.risks, x.asks, x.created_at::text
        from lighthouse_updates x left join "user" u on u.id = x.author_id
        where x.enrolment_id = ${e.id}::uuid order by x.created_at desc, x.id`,
      ),
      queryRows<{ side: ApprovalSide; user_id: string; name: string; approved_at: string }>(
        db,
        sql`select a.side, a.user_id, u.name, a.approved_at::text from lighthouse_exit_approvals a
        join "user" u on u.id = a.user_id where a.enrolment_id = ${e.id}::uuid order by a.approved_at`,
      ),
      queryRows<{ id: string; name: string }>(
        db,
        sql`select id, name from "user" where id in (select jsonb_array_elements_text(${JSON.stringify(e.shared_with)}::jsonb))`,
      ),
      loadAccountMeasures(db, [e.account_id]),
      loadAssignments(db, e.account_id),
    ]);

  const accountMeasures = measures.get(e.account_id) ?? {};
  const criteria: EnrolmentCriterion[] = criteriaRows.map((c) => {
    const evidence = c.evidence && c.met_on ? { evidence: c.evidence, metOn: c.met_on } : null;
    const check = checkCriterion(c.definition, accountMeasures, evidence);
    return {
      id: c.id,
      definition: c.definition,
      description: describeCriterion(c.definition),
      // The stored status is the one the history and the agenda know; the reason explains it now.
      status: c.status,
      value: c.value,
      reason: check.reason,
      evidence: evidence
        ? { text: evidence.evidence, metOn: evidence.metOn, by: personRef(c.evidence_by, c.evidence_by_name) }
        : null,
      history: historyRows
        .filter((h) => h.criterion_id === c.id)
        .map((h) => ({ status: h.status, value: h.value, at: new Date(h.changed_at).toISOString() })),
      steps: stepRows
        .filter((s) => s.criterion_id === c.id)
        .map((s) => ({
          id: s.id,
          title: s.title,
          owner: personRef(s.owner_id, s.owner_name),
          dueOn: s.due_on,
          taskId: s.task_id,
          done: s.done,
        })),
    };
  });
  const progress = criteriaProgress(criteria.map((c) => c.status));
  const enteredOn = isoDay(new Date(e.entered_at));
  const exit =
    e.exit_outcome && e.exited_at ? { outcome: e.exit_outcome, on: isoDay(new Date(e.exited_at)) } : null;
  const state = enrolmentState({
    enteredOn,
    planPresentedOn: e.plan_presented_on,
    updateDays: updateRows.map((u) => isoDay(new Date(u.created_at))),
    criteria: progress,
    exit,
  });
  const may = new Set(allowedAccountActions(actor, team ?? {}));
  const [me] = await queryRows<{ side: ApprovalSide | null }>(
    db,
    sql`select leadership_side as side from "user" where id = ${actor.id}`,
  );
  const approverSide = me?.side ?? null;
  const open = exit === null;
  return {
    id: e.id,
    accountId: e.account_id,
    accountName: e.account_name,
    source: e.source,
    reason: e.reason,
    renewalId: e.renewal_id,
    enteredAt: new Date(e.entered_at).toISOString(),
    enteredBy: personRef(e.entered_by, e.entered_by_name),
    sponsor: personRef(e.sponsor_id, e.sponsor_name),
    sharedWith: people.map((p) => ({ id: p.id, name: p.name })),
    savePlanDocumentId: e.save_plan_document_id,
    planPresentedOn: e.plan_presented_on,
    exit: exit && { outcome: exit.outcome, at: new Date(e.exited_at!).toISOString(), note: e.exit_note },
    daysInProgram: daysInProgram(enteredOn, exit?.on ?? today),
    state: state.state,
    stateReason: state.reason,
    plan:
      e.problem !== null && e.goal !== null && e.plan_updated_at
        ? {
            problem: e.problem,
            goal: e.goal,
            updatedAt: new Date(e.plan_updated_at).toISOString(),
            updatedBy: personRef(e.plan_by, e.plan_by_name),
          }
        : null,
    criteria,
    progress,
    updates: updateRows.map((u) => ({
      id: u.id,
      author: personRef(u.author_id, u.author_name),
      progress: u.progress,
      blockers: u.blockers,
      risks: u.risks,
      asks: u.asks,
      at: new Date(u.created_at).toISOString(),
    })),
    approvals: approvalRows.map((a) => ({
      side: a.side,
      by: { id: a.user_id, name: a.name },
      at: new Date(a.approved_at).toISOString(),
    })),
    actions: {
      update: open && may.has("account.updateLighthouse"),
      // Offered only when the server would take it (LH-5's rule, this person's side).
      approveExit:
        may.has("account.approveLighthouseExit") &&
        "side" in
          checkExitApproval({
            approver: { id: actor.id, side: approverSide, admin: actor.roles.includes("admin") },
            approvals: approvalRows.map((a) => ({ side: a.side, userId: a.user_id })),
            criteria: progress,
            exited: !open,
          }),
      lead: open && may.has("account.approveLighthouseExit"),
    },
    version: e.version,
  };
}
