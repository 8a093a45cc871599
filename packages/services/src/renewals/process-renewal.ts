import { queryRows } from "@keel/db";
import {
  addDays,
  checkOutcome,
  churnRetroRequired,
  dollarsOfCents,
  nextRenewalDate,
  type RenewalOutcomeInput,
  renewalPolicy,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount, loadAssignments } from "#authorization/authorize.ts";
import { loadCurrentDocumentTemplate } from "#automation/catalog.ts";
import { reactToAccountChange } from "#automation/react-to-change.ts";
import { insertDocumentFromTemplate, insertTask, loadTemplateContext } from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { recordOutcomeBands } from "./forecast-history.ts";
import { getRenewal, type RenewalDetail } from "./get-renewal.ts";
import { lockRenewal } from "./lock-renewal.ts";
import { syncRenewals } from "./sync-renewals.ts";

/**
 * R-6: the AE records the outcome — ARR and seats before (the account's now) and after. The
 * account takes the new ARR, seats and next renewal date (none after a full churn), its next
 * renewal opens, and it leaves "4. Renewing" by the L-5 rule in the same request. R-7: a churn of
 * more than the policy's threshold with fewer seats starts a churn retro (document, review task,
 * sponsor). Processing twice is a 409: the first result stands.
 */
export async function processRenewal(
  ctx: ServiceContext,
  input: { renewalId: string; expectedVersion: number; outcome: RenewalOutcomeInput },
): Promise<RenewalDetail> {
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const renewal = await lockRenewal(db, input.renewalId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.editRenewalPlan", renewal.accountId);
    const [account] = await queryRows<{
      name: string;
      arr_cents: string;
      seats_purchased: number;
      renewal_date: string | null;
    }>(
      db,
      sql`select name, arr_cents::text, seats_purchased, renewal_date::text from accounts
        where id = ${renewal.accountId}::uuid for no key update`,
    );
    const numbers = {
      outcome: input.outcome.outcome,
      arrBeforeCents: Number(account!.arr_cents),
      arrAfterCents: input.outcome.arrAfterCents,
      seatsBefore: account!.seats_purchased,
      seatsAfter: input.outcome.seatsAfter,
    };
    const issues = checkOutcome(numbers);
    if (issues.length > 0) {
      throw new ServiceError(
        "unprocessable",
        `The outcome does not fit the numbers: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
        issues,
      );
    }
    const fullChurn = numbers.outcome === "full_churn";
    const next = fullChurn ? null : nextRenewalDate(renewal.dueDate, renewalPolicy);
    await db.execute(sql`
      update renewals set outcome = ${numbers.outcome}, arr_at_stake_cents = ${numbers.arrBeforeCents},
        seats_at_stake = ${numbers.seatsBefore}, arr_after_cents = ${numbers.arrAfterCents}, seats_after = ${numbers.seatsAfter},
        closed_lost_category = ${input.outcome.closedLostCategory ?? null}, churn_reason = ${input.outcome.churnReason ?? null},
        processed_at = ${now.toISOString()}::timestamptz, processed_by = ${actor.id}, next_renewal_date = ${next}::date,
        version = version + 1
      where id = ${renewal.id}::uuid`);
    await db.execute(sql`
      update accounts set arr_cents = ${numbers.arrAfterCents}, seats_purchased = ${numbers.seatsAfter},
        renewal_date = ${next}::date, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
      where id = ${renewal.accountId}::uuid`);
    await recordAudit(db, {
      actorId: actor.id,
      action: "renewal.processed",
      entity: "renewal",
      entityId: renewal.id,
      before: {
        arrCents: numbers.arrBeforeCents,
        seats: numbers.seatsBefore,
        renewalDate: account!.renewal_date,
      },
      after: { ...input.outcome, renewalDate: next },
      requestId,
    });
    await recordOutcomeBands(db, renewal.id);
    const today = todayOf(now);
    await syncRenewals(db, { today, at: now, accountIds: [renewal.accountId] });

    const retro = churnRetroRequired(numbers, renewalPolicy);
    if (retro.required) {
      await startChurnRetro(txc, {
        renewalId: renewal.id,
        accountId: renewal.accountId,
        arrLostCents: numbers.arrBeforeCents - numbers.arrAfterCents,
        reason: retro.reason,
        closedLostCategory: input.outcome.closedLostCategory ?? null,
        churnReason: input.outcome.churnReason ?? null,
      });
    }
    // L-5: out of "4. Renewing" by the rule, with its reason, in this request (X-7).
    await reactToAccountChange(db, renewal.accountId, {
      cause: "renewal processed",
      now,
      events: new Map([
        [
          renewal.accountId,
          [
            {
              type: "fieldSet",
              field: "renewalDate",
              at: now.toISOString(),
              ...(next ? { value: next } : {}),
            },
          ],
        ],
      ]),
    });
    return getRenewal(txc, { renewalId: renewal.id });
  });
}

/** R-7: the retro document for the TA, the review task with the AE and the TS churn-retro sponsor. */
async function startChurnRetro(
  ctx: ServiceContext,
  input: {
    renewalId: string;
    accountId: string;
    arrLostCents: number;
    reason: string;
    closedLostCategory: string | null;
    churnReason: string | null;
  },
) {
  const { db, now } = ctx;
  const today = todayOf(now);
  const team = (await loadAssignments(db, input.accountId)) ?? {};
  // The TS churn-retro sponsor: a TA manager (SPEC §1 TS leadership).
  const [sponsor] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from "user" where 'manager' = any(roles) and leadership_side = 'ts' order by id limit 1`,
  );
  const origin = { source: "playbook" as const, firingKey: null, ruleId: "R-7", reason: input.reason };
  const template = await loadCurrentDocumentTemplate(db, "churn-retro");
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
  const task = await insertTask(db, {
    accountId: input.accountId,
    title: `Review the churn retro (${dollarsOfCents(input.arrLostCents)} lost) with the AE and ${sponsor?.name ?? "the churn-retro sponsor"}`,
    assigneeId: team.ta ?? null,
    role: "ta",
    dueDate: addDays(today, 14),
    documentId: doc?.id ?? null,
    origin,
    at: now,
  });
  await db.execute(sql`
    insert into churn_retros (renewal_id, account_id, document_id, review_task_id, sponsor_id, arr_lost_cents,
      closed_lost_category, churn_reason, created_at)
    values (${input.renewalId}::uuid, ${input.accountId}::uuid, ${doc?.id ?? null}::uuid, ${task.id}::uuid,
      ${sponsor?.id ?? null}, ${input.arrLostCents}, ${input.closedLostCategory}, ${input.churnReason},
      ${now.toISOString()}::timestamptz)`);
}
