import { queryRows } from "@keel/db";
import { type ApprovalSide, addDays, approvalSideLabels, approvalStatus, routeOfRating } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, loadAssignments } from "#authorization/authorize.ts";
import { loadCurrentDocumentTemplate } from "#automation/catalog.ts";
import {
  insertDocumentFromTemplate,
  insertTask,
  leadershipIds,
  loadTemplateContext,
  notifyUsers,
} from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { enterFromRedAssessment } from "#lighthouse/enter-lighthouse.ts";
import { enqueueWebhook } from "#webhooks/outbox.ts";
import { getRenewal, type RenewalDetail } from "./get-renewal.ts";
import { bumpRenewalVersion, lockRenewal } from "./lock-renewal.ts";

/**
 * a TA manager (TS side) and an AE manager (Sales side) each approve the rating. With both,
 * the renewal takes its route: red → Lighthouse (an event and leadership told), yellow → an
 * Account Save Plan document and the TA's task to write it, green → monitor.
 */
export async function approveRenewalAssessment(
  ctx: ServiceContext,
  input: { renewalId: string; expectedVersion: number; side?: ApprovalSide },
): Promise<RenewalDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const renewal = await lockRenewal(db, input.renewalId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.approveRenewalAssessment", renewal.accountId);
    const [assessment] = await queryRows<{ rating: "green" | "yellow" | "red" }>(
      db,
      sql`select rating from renewal_assessments where renewal_id = ${renewal.id}::uuid`,
    );
    if (!assessment) {
      throw new ServiceError(
        "conflict",
        "There is no rating to approve yet: the TA completes the assessment first",
      );
    }
    const approved = await queryRows<{ side: ApprovalSide }>(
      db,
      sql`select side from renewal_assessment_approvals where renewal_id = ${renewal.id}::uuid`,
    );
    const side = await approvingSide(
      txc,
      input.side,
      approved.map((a) => a.side),
    );
    await db.execute(sql`
      insert into renewal_assessment_approvals (renewal_id, side, user_id, approved_at)
      values (${renewal.id}::uuid, ${side}, ${actor.id}, ${now.toISOString()}::timestamptz)
      on conflict (renewal_id, side) do update set user_id = excluded.user_id, approved_at = excluded.approved_at`);
    await bumpRenewalVersion(db, renewal.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "renewal.assessment.approved",
      entity: "renewal",
      entityId: renewal.id,
      after: { side, rating: assessment.rating },
      requestId,
    });
    const wasComplete = approvalStatus({ approvals: approved }).complete;
    const nowComplete = approvalStatus({ approvals: [...approved, { side }] }).complete;
    // R-1's milestone on the renewal: when the rating's last approval came.
    if (nowComplete)
      await db.execute(
        sql`update renewals set approved_at = ${now.toISOString()}::timestamptz where id = ${renewal.id}::uuid`,
      );
    if (nowComplete && !wasComplete) await routeRating(txc, renewal, assessment.rating);
    return getRenewal(txc, { renewalId: renewal.id });
  });
}

/** A manager approves for their own side; an admin (no side) for the one asked, or the one missing. */
async function approvingSide(
  ctx: ServiceContext,
  asked: ApprovalSide | undefined,
  approved: ApprovalSide[],
): Promise<ApprovalSide> {
  const [row] = await queryRows<{ leadership_side: ApprovalSide | null }>(
    ctx.db,
    sql`select leadership_side from "user" where id = ${ctx.actor.id}`,
  );
  const own = row?.leadership_side ?? null;
  if (own) {
    if (asked && asked !== own) {
      throw new ServiceError(
        "forbidden",
        `You lead on the ${approvalSideLabels[own]} side; you may not approve for ${approvalSideLabels[asked]}`,
      );
    }
    return own;
  }
  if (!ctx.actor.roles.includes("admin")) {
    throw new ServiceError(
      "forbidden",
      "Only a TA manager or an AE manager approves a renewal rating (SPEC §1: your leadership side is not set)",
    );
  }
  return asked ?? (approved.includes("ts") ? "sales" : "ts");
}

async function routeRating(
  ctx: ServiceContext,
  renewal: { id: string; accountId: string; dueDate: string },
  rating: "green" | "yellow" | "red",
) {
  const { db, now } = ctx;
  const today = todayOf(now);
  const route = routeOfRating(rating);
  const [account] = await queryRows<{ name: string }>(
    db,
    sql`select name from accounts where id = ${renewal.accountId}::uuid`,
  );
  const reason = `Rated ${rating} and approved by TS and Sales leadership (R-2)`;
  if (rating === "red") {
    await enqueueWebhook(db, {
      eventType: "renewal.assessed.red",
      text: `${account!.name} was rated red for its renewal on ${renewal.dueDate}: Lighthouse (churn save) next`,
      event: { accountId: renewal.accountId, renewalId: renewal.id, dueDate: renewal.dueDate, rating },
      at: now,
    });
    // LH-1: the red rating enters the account in the Lighthouse program (unless it is in already).
    await enterFromRedAssessment(ctx, {
      accountId: renewal.accountId,
      renewalId: renewal.id,
      dueDate: renewal.dueDate,
    });
    await notifyUsers(db, {
      userIds: await leadershipIds(db),
      accountId: renewal.accountId,
      message: `${account!.name} was rated red for its renewal on ${renewal.dueDate}: it enters the Lighthouse program`,
      ruleId: "R-2",
      reason,
      at: now,
    });
  }
  if (route.needs === "save_plan_document") {
    const [existing] = await queryRows<{ id: string }>(
      db,
      sql`select id::text from documents where account_id = ${renewal.accountId}::uuid and template_id = 'account-save-plan'
        and created_at >= (${renewal.dueDate}::date - 150) limit 1`,
    );
    if (existing) return;
    const template = await loadCurrentDocumentTemplate(db, "account-save-plan");
    if (!template) return;
    const team = (await loadAssignments(db, renewal.accountId)) ?? {};
    const origin = { source: "playbook" as const, firingKey: null, ruleId: "R-2", reason };
    const doc = await insertDocumentFromTemplate(db, {
      accountId: renewal.accountId,
      template,
      ownerId: team.ta ?? null,
      context: await loadTemplateContext(db, renewal.accountId, today),
      origin,
      at: now,
    });
    await insertTask(db, {
      accountId: renewal.accountId,
      title: "Write the Account Save Plan for the yellow renewal, and update it weekly",
      assigneeId: team.ta ?? null,
      role: "ta",
      dueDate: addDays(today, 7),
      documentId: doc.id,
      origin,
      at: now,
    });
  }
}
