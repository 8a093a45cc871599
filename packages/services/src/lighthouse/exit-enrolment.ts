import { queryRows } from "@keel/db";
import {
  type ApprovalSide,
  type CriterionStatus,
  checkExitApproval,
  criteriaProgress,
  type ExitOutcome,
  exitApproved,
  exitOutcomeLabels,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { notifyUsers } from "#automation/work.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { enqueueWebhook } from "#webhooks/outbox.ts";
import { bumpEnrolmentVersion, lockEnrolment } from "./lock-enrolment.ts";

const statusCodes = { 403: "forbidden", 409: "conflict" } as const;

/**
 * LH-5: Sales or TS leadership approves the exit of an account whose criteria are all met. With
 * one approval from each side (two people) it exits as saved, and the account team is told.
 */
export async function approveLighthouseExit(
  ctx: ServiceContext,
  input: { enrolmentId: string; expectedVersion: number },
): Promise<{ exited: boolean; side: ApprovalSide }> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const enrolment = await lockEnrolment(db, input.enrolmentId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.approveLighthouseExit", enrolment.accountId);
    const [approver] = await queryRows<{ side: ApprovalSide | null }>(
      db,
      sql`select leadership_side as side from "user" where id = ${actor.id}`,
    );
    const statuses = await queryRows<{ status: CriterionStatus }>(
      db,
      sql`select status from lighthouse_criteria where enrolment_id = ${enrolment.id}::uuid`,
    );
    const approvals = await queryRows<{ side: ApprovalSide; userId: string }>(
      db,
      sql`select side, user_id as "userId" from lighthouse_exit_approvals where enrolment_id = ${enrolment.id}::uuid`,
    );
    const check = checkExitApproval({
      approver: { id: actor.id, side: approver?.side ?? null, admin: actor.roles.includes("admin") },
      approvals,
      criteria: criteriaProgress(statuses.map((s) => s.status)),
      exited: false,
    });
    if ("status" in check) throw new ServiceError(statusCodes[check.status], check.reason);
    await db.execute(sql`insert into lighthouse_exit_approvals (enrolment_id, side, user_id, approved_at)
      values (${enrolment.id}::uuid, ${check.side}, ${actor.id}, ${now.toISOString()}::timestamptz)`);
    const exited = exitApproved([...approvals, { side: check.side, userId: actor.id }]);
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.exit.approved",
      entity: "lighthouse_enrolment",
      entityId: enrolment.id,
      after: { side: check.side },
      requestId,
    });
    if (exited) {
      await closeEnrolment(txc, {
        enrolmentId: enrolment.id,
        accountId: enrolment.accountId,
        outcome: "saved",
        note: "Every success criterion met; Sales and TS leadership agreed (LH-5).",
      });
    } else {
      await bumpEnrolmentVersion(db, enrolment.id);
    }
    return { exited, side: check.side };
  });
}

/**
 * LH-5: leadership ends a stay that did not end in a save — the customer churned, or the program
 * no longer applies (withdrawn) — with a note saying why. No approvals: nothing is being declared
 * healthy.
 */
export async function closeLighthouseEnrolment(
  ctx: ServiceContext,
  input: {
    enrolmentId: string;
    expectedVersion: number;
    outcome: Exclude<ExitOutcome, "saved">;
    note: string;
  },
): Promise<void> {
  await withTransaction(ctx, async (txc) => {
    const enrolment = await lockEnrolment(txc.db, input.enrolmentId, {
      expectedVersion: input.expectedVersion,
    });
    await authorizeAccount(txc.db, txc.actor, "account.approveLighthouseExit", enrolment.accountId);
    await closeEnrolment(txc, {
      enrolmentId: enrolment.id,
      accountId: enrolment.accountId,
      outcome: input.outcome,
      note: input.note,
    });
  });
}

async function closeEnrolment(
  ctx: ServiceContext,
  input: { enrolmentId: string; accountId: string; outcome: ExitOutcome; note: string },
) {
  const { db, actor, now, requestId } = ctx;
  await db.execute(sql`update lighthouse_enrolments set exit_outcome = ${input.outcome}, exited_at = ${now.toISOString()}::timestamptz,
      exit_note = ${input.note}, version = version + 1
    where id = ${input.enrolmentId}::uuid`);
  const [account] = await queryRows<{ name: string }>(
    db,
    sql`select name from accounts where id = ${input.accountId}::uuid`,
  );
  const team = await queryRows<{ user_id: string }>(
    db,
    sql`select user_id from account_team where account_id = ${input.accountId}::uuid`,
  );
  const outcome = exitOutcomeLabels[input.outcome].toLowerCase();
  await notifyUsers(db, {
    userIds: team.map((t) => t.user_id),
    accountId: input.accountId,
    message: `${account!.name} left the Lighthouse program: ${outcome}. ${input.note}`,
    ruleId: "LH-5",
    reason: input.note,
    at: now,
  });
  await enqueueWebhook(db, {
    eventType: "lighthouse.exited",
    text: `${account!.name} left the Lighthouse program: ${outcome}`,
    event: { accountId: input.accountId, enrolmentId: input.enrolmentId, outcome: input.outcome },
    at: now,
  });
  await recordAudit(db, {
    actorId: actor.id,
    action: "lighthouse.exited",
    entity: "lighthouse_enrolment",
    entityId: input.enrolmentId,
    after: { outcome: input.outcome, note: input.note },
    requestId,
  });
}

/** LH-3: leadership names the exec sponsor who supports the account team. */
export async function setLighthouseSponsor(
  ctx: ServiceContext,
  input: { enrolmentId: string; expectedVersion: number; sponsorId: string },
): Promise<void> {
  await withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const enrolment = await lockEnrolment(db, input.enrolmentId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.approveLighthouseExit", enrolment.accountId);
    const [sponsor] = await queryRows<{ id: string; name: string; leads: boolean }>(
      db,
      sql`select id, name, ('exec' = any(roles) or 'manager' = any(roles)) as leads from "user" where id = ${input.sponsorId}`,
    );
    if (!sponsor) {
      throw new ServiceError("unprocessable", `sponsorId: no person has the id ${input.sponsorId}`, [
        { path: "sponsorId", message: `no person has the id ${input.sponsorId}` },
      ]);
    }
    if (!sponsor.leads) {
      throw new ServiceError("unprocessable", `sponsorId: ${sponsor.name} is not an exec or a manager`, [
        { path: "sponsorId", message: `${sponsor.name} is not an exec or a manager` },
      ]);
    }
    await db.execute(
      sql`update lighthouse_enrolments set sponsor_id = ${sponsor.id} where id = ${enrolment.id}::uuid`,
    );
    await bumpEnrolmentVersion(db, enrolment.id);
    const [account] = await queryRows<{ name: string }>(
      db,
      sql`select name from accounts where id = ${enrolment.accountId}::uuid`,
    );
    await notifyUsers(db, {
      userIds: [sponsor.id],
      accountId: enrolment.accountId,
      message: `You are the exec sponsor of ${account!.name} in the Lighthouse program: support its account team until it exits.`,
      ruleId: "LH-3",
      reason: "Named exec sponsor",
      at: now,
    });
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.sponsor.set",
      entity: "lighthouse_enrolment",
      entityId: enrolment.id,
      after: { sponsorId: sponsor.id },
      requestId,
    });
  });
}
