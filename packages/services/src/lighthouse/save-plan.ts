import { queryRows } from "@keel/db";
import { describeCriterion, type ManualEvidence, type SavePlanInput } from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { insertTask } from "#automation/work.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { recheckCriteria } from "./criteria.ts";
import { bumpEnrolmentVersion, lockEnrolment } from "./lock-enrolment.ts";

/**
 * LH-2: the TA writes (or rewrites) the Account Save Plan: problem, goal, and each success
 * criterion with its steps. Steps become tasks of their owners; bound criteria are checked at
 * once. Rewriting keeps a criterion's history and evidence when the criterion itself is unchanged.
 */
export async function saveSavePlan(
  ctx: ServiceContext,
  input: { enrolmentId: string; expectedVersion: number; plan: SavePlanInput },
): Promise<void> {
  await withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const enrolment = await lockEnrolment(db, input.enrolmentId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.updateLighthouse", enrolment.accountId);
    const { plan } = input;
    const owners = [...new Set(plan.criteria.flatMap((c) => c.steps.map((s) => s.ownerId)))];
    if (owners.length > 0) {
      const known = await queryRows<{ id: string }>(
        db,
        sql`select id from "user" where id in (${sql.join(
          owners.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      const missing = owners.filter((id) => !known.some((k) => k.id === id));
      if (missing.length > 0) {
        const index = plan.criteria.findIndex((c) => c.steps.some((s) => missing.includes(s.ownerId)));
        const step = plan.criteria[index]!.steps.findIndex((s) => missing.includes(s.ownerId));
        const path = `criteria.${index}.steps.${step}.ownerId`;
        throw new ServiceError("unprocessable", `${path}: no person has the id ${missing[0]}`, [
          { path, message: `no person has the id ${missing[0]}` },
        ]);
      }
    }
    await db.execute(sql`
      insert into lighthouse_save_plans (enrolment_id, problem, goal, updated_by, updated_at)
      values (${enrolment.id}::uuid, ${plan.problem}, ${plan.goal}, ${actor.id}, ${now.toISOString()}::timestamptz)
      on conflict (enrolment_id) do update set problem = excluded.problem, goal = excluded.goal,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = lighthouse_save_plans.version + 1`);
    // Criteria: kept when the same definition comes back (its history and evidence with it).
    const existing = await queryRows<{
      id: string;
      definition: unknown;
      evidence: string | null;
      met_on: string | null;
    }>(
      db,
      sql`select id::text, definition, evidence, met_on::text from lighthouse_criteria where enrolment_id = ${enrolment.id}::uuid`,
    );
    // jsonb keeps its own key order: compare definitions key by key, not as sent.
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_key, v) =>
        v && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
          : v,
      );
    const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
    const kept = new Set<string>();
    for (const [position, item] of plan.criteria.entries()) {
      const match = existing.find((e) => !kept.has(e.id) && same(e.definition, item.criterion));
      let criterionId: string;
      if (match) {
        kept.add(match.id);
        criterionId = match.id;
        await db.execute(
          sql`update lighthouse_criteria set position = ${-1 - position} where id = ${match.id}::uuid`,
        );
      } else {
        const [row] = await queryRows<{ id: string }>(
          db,
          sql`insert into lighthouse_criteria (enrolment_id, position, definition, status, checked_at)
            values (${enrolment.id}::uuid, ${-1 - position}, ${JSON.stringify(item.criterion)}::jsonb, 'unknown',
              ${now.toISOString()}::timestamptz)
            returning id::text`,
        );
        criterionId = row!.id;
        kept.add(criterionId);
      }
      // Steps are restated with the plan: the old ones (and their open tasks) give way.
      await db.execute(sql`delete from tasks where id in (select task_id from lighthouse_steps
        where criterion_id = ${criterionId}::uuid) and status <> 'done'`);
      await db.execute(sql`delete from lighthouse_steps where criterion_id = ${criterionId}::uuid`);
      for (const [stepPosition, step] of item.steps.entries()) {
        const task = await insertTask(db, {
          accountId: enrolment.accountId,
          title: step.title,
          notes: `Lighthouse save plan, for: ${describeCriterion(item.criterion)}`,
          assigneeId: step.ownerId,
          dueDate: step.dueOn,
          origin: {
            source: "playbook",
            firingKey: null,
            ruleId: "LH-2",
            reason: "A step of the Account Save Plan",
          },
          at: now,
        });
        await db.execute(sql`insert into lighthouse_steps (criterion_id, task_id, title, owner_id, due_on, position)
          values (${criterionId}::uuid, ${task.id}::uuid, ${step.title}, ${step.ownerId}, ${step.dueOn}::date, ${stepPosition})`);
      }
    }
    const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    for (const id of dropped) {
      await db.execute(sql`delete from tasks where id in (select task_id from lighthouse_steps where criterion_id = ${id}::uuid)
        and status <> 'done'`);
      await db.execute(sql`delete from lighthouse_criteria where id = ${id}::uuid`);
    }
    await db.execute(sql`update lighthouse_criteria set position = -1 - position
      where enrolment_id = ${enrolment.id}::uuid and position < 0`);
    await recheckCriteria(db, { enrolmentId: enrolment.id, now });
    await bumpEnrolmentVersion(db, enrolment.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.savePlan.saved",
      entity: "lighthouse_enrolment",
      entityId: enrolment.id,
      after: plan,
      requestId,
    });
  });
}

/** LH-2: a manual criterion marked met (evidence and the day), or unmarked (null). */
export async function recordCriterionEvidence(
  ctx: ServiceContext,
  input: {
    enrolmentId: string;
    criterionId: string;
    expectedVersion: number;
    evidence: ManualEvidence | null;
  },
): Promise<void> {
  await withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    const enrolment = await lockEnrolment(db, input.enrolmentId, { expectedVersion: input.expectedVersion });
    await authorizeAccount(db, actor, "account.updateLighthouse", enrolment.accountId);
    const [criterion] = await queryRows<{ kind: string }>(
      db,
      sql`select definition->>'kind' as kind from lighthouse_criteria
        where id = ${input.criterionId}::uuid and enrolment_id = ${enrolment.id}::uuid`,
    );
    if (!criterion) throw new ServiceError("not_found", `The plan has no criterion ${input.criterionId}`);
    if (criterion.kind !== "manual") {
      throw new ServiceError(
        "conflict",
        "This criterion is bound to a measure: it checks itself and takes no evidence",
      );
    }
    const { evidence } = input;
    await db.execute(sql`update lighthouse_criteria set evidence = ${evidence?.evidence ?? null},
        met_on = ${evidence?.metOn ?? null}::date, evidence_by = ${evidence ? actor.id : null}
      where id = ${input.criterionId}::uuid`);
    await recheckCriteria(db, { enrolmentId: enrolment.id, now });
    await bumpEnrolmentVersion(db, enrolment.id);
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.criterion.evidence",
      entity: "lighthouse_enrolment",
      entityId: enrolment.id,
      after: { criterionId: input.criterionId, evidence },
      requestId,
    });
  });
}
