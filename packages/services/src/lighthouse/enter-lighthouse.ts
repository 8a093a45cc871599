import { queryRows } from "@keel/db";
import { addDays, type EnrolmentSource } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, loadAssignments } from "#authorization/authorize.ts";
import { loadCurrentDocumentTemplate } from "#automation/catalog.ts";
import {
  insertDocumentFromTemplate,
  insertTask,
  loadTemplateContext,
  notifyUsers,
} from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { enqueueWebhook } from "#webhooks/outbox.ts";

/**
 * LH-1 (ad hoc): the account's TA or AE, leadership or an admin enters an account at risk, with a
 * reason. LH-3 follows (`openEnrolment`).
 */
export async function enterLighthouse(
  ctx: ServiceContext,
  input: { accountId: string; reason: string },
): Promise<{ enrolmentId: string }> {
  return withTransaction(ctx, async (txc) => {
    const [account] = await queryRows<{ id: string }>(
      txc.db,
      sql`select id::text from accounts where id = ${input.accountId}::uuid for no key update`,
    );
    if (!account) throw new ServiceError("not_found", `Account ${input.accountId} does not exist`);
    await authorizeAccount(txc.db, txc.actor, "account.enterLighthouse", input.accountId);
    return openEnrolment(txc, {
      accountId: input.accountId,
      source: "ad_hoc",
      reason: input.reason,
      renewalId: null,
    });
  });
}

/**
 * LH-1 (from R-2): an approved red renewal health assessment enters its account, unless it is
 * already in the program. Runs in the approval's transaction, as the approver.
 */
export async function enterFromRedAssessment(
  ctx: ServiceContext,
  input: { accountId: string; renewalId: string; dueDate: string },
): Promise<{ enrolmentId: string } | null> {
  const open = await openEnrolmentOf(ctx, input.accountId);
  if (open) return null;
  return openEnrolment(ctx, {
    accountId: input.accountId,
    source: "red_assessment",
    reason: `The renewal due ${input.dueDate} was rated red and approved by TS and Sales leadership.`,
    renewalId: input.renewalId,
  });
}

async function openEnrolmentOf(ctx: ServiceContext, accountId: string) {
  const [open] = await queryRows<{ id: string; entered_at: string }>(
    ctx.db,
    sql`select id::text, entered_at::text from lighthouse_enrolments
      where account_id = ${accountId}::uuid and exited_at is null`,
  );
  return open ?? null;
}

/**
 * LH-1 / LH-3: the enrolment, then what entering sets in motion: the TA's Account Save Plan to
 * fill (document and task), a task to review it with the AE, TS and Sales leadership told (the
 * RSD and TA director it is shared with), and the `lighthouse.entered` event for the chat.
 */
async function openEnrolment(
  ctx: ServiceContext,
  input: { accountId: string; source: EnrolmentSource; reason: string; renewalId: string | null },
): Promise<{ enrolmentId: string }> {
  const { db, actor, now, requestId } = ctx;
  const today = todayOf(now);
  const open = await openEnrolmentOf(ctx, input.accountId);
  if (open) {
    throw new ServiceError(
      "conflict",
      `The account is already in the Lighthouse program (enrolment ${open.id}, entered ${open.entered_at.slice(0, 10)})`,
      { enrolmentId: open.id },
    );
  }
  const [account] = await queryRows<{ name: string }>(
    db,
    sql`select name from accounts where id = ${input.accountId}::uuid`,
  );
  const team = (await loadAssignments(db, input.accountId)) ?? {};
  const leaders = await queryRows<{ id: string }>(
    db,
    sql`select id from "user" where leadership_side is not null order by id`,
  );
  const sharedWith = leaders.map((l) => l.id);
  const origin = {
    source: "playbook" as const,
    firingKey: null,
    ruleId: "LH-3",
    reason: `Entered the Lighthouse program: ${input.reason}`,
  };
  const template = await loadCurrentDocumentTemplate(db, "account-save-plan");
  const doc = template
    ? await insertDocumentFromTemplate(db, {
        accountId: input.accountId,
        template,
        ownerId: team.ta ?? null,
        context: await loadTemplateContext(db, input.accountId, today),
        origin,
        at: now,
      })
    : null;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into lighthouse_enrolments (account_id, source, reason, renewal_id, entered_at, entered_by, shared_with,
        save_plan_document_id)
      values (${input.accountId}::uuid, ${input.source}, ${input.reason}, ${input.renewalId}::uuid,
        ${now.toISOString()}::timestamptz, ${actor.system ? null : actor.id}, ${JSON.stringify(sharedWith)}::jsonb,
        ${doc?.id ?? null}::uuid)
      returning id::text`,
  );
  const enrolmentId = row!.id;
  await insertTask(db, {
    accountId: input.accountId,
    title: "Write the Account Save Plan: problem, goal, success criteria and their steps",
    assigneeId: team.ta ?? null,
    role: "ta",
    dueDate: addDays(today, 3),
    documentId: doc?.id ?? null,
    origin,
    at: now,
  });
  await insertTask(db, {
    accountId: input.accountId,
    title: "Review the save plan with the AE before the next Lighthouse sync",
    assigneeId: team.ta ?? null,
    role: "ta",
    dueDate: addDays(today, 5),
    documentId: doc?.id ?? null,
    origin,
    at: now,
  });
  await notifyUsers(db, {
    userIds: sharedWith,
    accountId: input.accountId,
    message: `${account!.name} entered the Lighthouse program: ${input.reason} It needs an exec sponsor.`,
    ruleId: "LH-3",
    reason: origin.reason,
    at: now,
  });
  await enqueueWebhook(db, {
    eventType: "lighthouse.entered",
    text: `${account!.name} entered the Lighthouse churn-save program: ${input.reason}`,
    event: { accountId: input.accountId, enrolmentId, source: input.source },
    at: now,
  });
  await recordAudit(db, {
    actorId: actor.id,
    action: "lighthouse.entered",
    entity: "lighthouse_enrolment",
    entityId: enrolmentId,
    after: { accountId: input.accountId, source: input.source, reason: input.reason },
    requestId,
  });
  return { enrolmentId };
}
