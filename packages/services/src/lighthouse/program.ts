import { queryRows } from "@keel/db";
import {
  type Agenda,
  type AgendaEnrolment,
  addDays,
  agendaMarkdown,
  buildAgenda,
  type CriterionStatus,
  describeCriterion,
  type HealthCategory,
  isoDay,
  type LighthouseMetrics,
  lighthouseMetrics,
  lighthousePolicy,
  renewalPolicy,
  type SuccessCriterion,
} from "@keel/domain";
import { sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { enqueueWebhook } from "#webhooks/outbox.ts";
import { loadEnrolments } from "./load-enrolments.ts";

/** LH-5 / SPEC §11: the program in figures, with ARR kept and lost from renewal outcomes. */
export async function getLighthouseMetrics(
  ctx: ServiceContext,
): Promise<LighthouseMetrics & { today: string }> {
  const today = todayOf(ctx.now);
  const enrolments = await loadEnrolments(ctx.db);
  // An exit's renewal: the first one processed on or after its entry (it judged the stay).
  const renewals = await queryRows<{ enrolment_id: string; before: string; after: string }>(
    ctx.db,
    sql`select distinct on (e.id) e.id::text as enrolment_id, r.arr_at_stake_cents::text as before,
        r.arr_after_cents::text as after
      from lighthouse_enrolments e join renewals r on r.account_id = e.account_id
      where e.exited_at is not null and r.processed_at is not null and r.due_date >= e.entered_at::date
      order by e.id, r.due_date`,
  );
  const byEnrolment = new Map(renewals.map((r) => [r.enrolment_id, r]));
  const metrics = lighthouseMetrics(
    enrolments.map((e) => {
      const renewal = byEnrolment.get(e.id);
      return {
        enteredOn: e.enteredOn,
        exit: e.exit,
        arrCents: e.arrCents,
        renewal: renewal
          ? { arrBeforeCents: Number(renewal.before), arrAfterCents: Number(renewal.after) }
          : null,
      };
    }),
    today,
    renewalPolicy,
  );
  return { ...metrics, today };
}

/** LH-4: the program sync's agenda for `date`, written from the records (and as Markdown). */
export async function getLighthouseAgenda(
  ctx: ServiceContext,
  { date }: { date: string },
): Promise<Agenda & { markdown: string }> {
  const [previous] = await queryRows<{ held_on: string }>(
    ctx.db,
    sql`select held_on::text from lighthouse_syncs where held_on < ${date}::date order by held_on desc limit 1`,
  );
  const previousSyncOn = previous?.held_on ?? null;
  const updatesFrom = addDays(date, -lighthousePolicy.agendaUpdateDays + 1);
  // Open on the day, or left since the previous sync.
  const enrolments = (await loadEnrolments(ctx.db, sql`e.entered_at::date <= ${date}::date`)).filter(
    (e) => e.exit === null || e.exit.on > (previousSyncOn ?? "0000-00-00"),
  );
  const ids = enrolments.map((e) => e.id);
  const inList =
    ids.length === 0
      ? sql`null`
      : sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        );
  const [plans, criteria, steps, updates, changes, health] = await Promise.all([
    queryRows<{ enrolment_id: string; problem: string; goal: string }>(
      ctx.db,
      sql`select enrolment_id::text, problem, goal from lighthouse_save_plans where enrolment_id in (${inList})`,
    ),
    queryRows<{ id: string; enrolment_id: string; definition: SuccessCriterion; status: CriterionStatus }>(
      ctx.db,
      sql`select id::text, enrolment_id::text, definition, status from lighthouse_criteria
        where enrolment_id in (${inList}) order by position`,
    ),
    queryRows<{ criterion_id: string; title: string; owner: string | null; due_on: string; done: boolean }>(
      ctx.db,
      sql`select s.criterion_id::text, s.title, u.name as owner, s.due_on::text, coalesce(t.status = 'done', false) as done
        from lighthouse_steps s join lighthouse_criteria c on c.id = s.criterion_id
        left join "user" u on u.id = s.owner_id left join tasks t on t.id = s.task_id
        where c.enrolment_id in (${inList}) order by s.position`,
    ),
    queryRows<{
      enrolment_id: string;
      created_at: string;
      author: string | null;
      progress: string;
      blockers: string;
      risks: string;
      asks: string;
    }>(
      ctx.db,
      sql`select x.enrolment_id::text, x.created_at::text, u.name as author, x.progress, x.blockers, x.risks, x.asks
        from lighthouse_updates x left join "user" u on u.id = x.author_id
        where x.enrolment_id in (${inList}) order by x.created_at`,
    ),
    queryRows<{ criterion_id: string; status: CriterionStatus; changed_at: string }>(
      ctx.db,
      sql`select h.criterion_id::text, h.status, h.changed_at::text from lighthouse_criterion_changes h
        join lighthouse_criteria c on c.id = h.criterion_id where c.enrolment_id in (${inList}) order by h.changed_at, h.id`,
    ),
    // The health category at the start of the window (the latest snapshot before it) and now.
    queryRows<{ account_id: string; before: HealthCategory | null; now: HealthCategory | null }>(
      ctx.db,
      sql`select e.account_id::text,
          (select s.category from health_snapshots s where s.account_id = e.account_id and s.at < ${updatesFrom}::date
            order by s.at desc limit 1) as before,
          (select s.category from health_snapshots s where s.account_id = e.account_id
            and s.at < ${date}::date + 1 order by s.at desc limit 1) as now
        from lighthouse_enrolments e where e.id in (${inList})`,
    ),
  ]);
  const agendaEnrolments: AgendaEnrolment[] = enrolments.map((e) => {
    const plan = plans.find((p) => p.enrolment_id === e.id);
    const own = criteria.filter((c) => c.enrolment_id === e.id);
    const describe = new Map(own.map((c) => [c.id, describeCriterion(c.definition)]));
    return {
      id: e.id,
      accountName: e.accountName,
      taName: e.taName,
      sponsorName: e.sponsor?.name ?? null,
      enteredOn: e.enteredOn,
      reason: e.reason,
      state: e.state,
      planPresentedOn: e.planPresentedOn,
      exit: e.exit,
      plan: plan
        ? {
            problem: plan.problem,
            goal: plan.goal,
            criteria: own.map((c) => ({ description: describe.get(c.id)!, status: c.status })),
            steps: steps
              .filter((s) => describe.has(s.criterion_id))
              .map((s) => ({
                criterion: describe.get(s.criterion_id)!,
                title: s.title,
                ownerName: s.owner,
                dueOn: s.due_on,
                done: s.done,
              })),
          }
        : null,
      updates: updates
        .filter((u) => u.enrolment_id === e.id)
        .map((u) => ({
          on: isoDay(new Date(u.created_at)),
          authorName: u.author,
          progress: u.progress,
          blockers: u.blockers,
          risks: u.risks,
          asks: u.asks,
        })),
      criterionChanges: changes
        .filter((c) => describe.has(c.criterion_id))
        .map((c) => ({
          on: isoDay(new Date(c.changed_at)),
          criterion: describe.get(c.criterion_id)!,
          status: c.status,
        })),
      health: (({ before, now }) => ({ before, now }))(
        health.find((h) => h.account_id === e.accountId) ?? { before: null, now: null },
      ),
    };
  });
  const agenda = buildAgenda({
    date,
    previousSyncOn,
    enrolments: agendaEnrolments,
    policy: lighthousePolicy,
  });
  return { ...agenda, markdown: agendaMarkdown(agenda) };
}

/**
 * LH-4: the sync was held: its attendees and the agenda as generated are kept, the new entrants'
 * plans count as presented, and (when asked) the agenda goes to the chat webhook.
 */
export async function recordLighthouseSync(
  ctx: ServiceContext,
  input: { heldOn: string; attendeeIds: readonly string[]; post: boolean },
): Promise<{ id: string; presented: number }> {
  authorizeGlobal(ctx.actor, "lighthouse.recordSync");
  return withTransaction(ctx, async (txc) => {
    const { db, actor, now, requestId } = txc;
    if (input.heldOn > todayOf(now)) {
      throw new ServiceError(
        "unprocessable",
        "heldOn: a sync is recorded once it has been held, not before",
        [{ path: "heldOn", message: "is in the future" }],
      );
    }
    if (input.attendeeIds.length > 0) {
      const known = await queryRows<{ id: string }>(
        db,
        sql`select id from "user" where id in (${sql.join(
          input.attendeeIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      const knownIds = new Set(known.map((k) => k.id));
      const index = input.attendeeIds.findIndex((id) => !knownIds.has(id));
      if (index >= 0) {
        throw new ServiceError(
          "unprocessable",
          `attendeeIds.${index}: no person has the id ${input.attendeeIds[index]}`,
          [{ path: `attendeeIds.${index}`, message: "no such person" }],
        );
      }
    }
    const [taken] = await queryRows<{ id: string }>(
      db,
      sql`select id::text from lighthouse_syncs where held_on = ${input.heldOn}::date`,
    );
    if (taken)
      throw new ServiceError("conflict", `The sync of ${input.heldOn} is already recorded`, {
        syncId: taken.id,
      });
    const agenda = await getLighthouseAgenda(txc, { date: input.heldOn });
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into lighthouse_syncs (held_on, attendees, agenda_markdown, created_by, created_at)
        values (${input.heldOn}::date, ${JSON.stringify(input.attendeeIds)}::jsonb, ${agenda.markdown}, ${actor.id},
          ${now.toISOString()}::timestamptz)
        returning id::text`,
    );
    const presented = agenda.newEntrants.filter((e) => e.plan !== null).map((e) => e.id);
    for (const id of presented) {
      await db.execute(sql`update lighthouse_enrolments set plan_presented_on = ${input.heldOn}::date
        where id = ${id}::uuid and plan_presented_on is null`);
    }
    if (input.post) {
      await enqueueWebhook(db, {
        eventType: "lighthouse.agenda",
        text: agenda.markdown,
        event: { syncId: row!.id, heldOn: input.heldOn },
        at: now,
      });
    }
    await recordAudit(db, {
      actorId: actor.id,
      action: "lighthouse.sync.recorded",
      entity: "lighthouse_sync",
      entityId: row!.id,
      after: { heldOn: input.heldOn, attendeeIds: input.attendeeIds, presented },
      requestId,
    });
    return { id: row!.id, presented: presented.length };
  });
}

/** LH-4: the syncs held, newest first, with who attended and the agenda as it was generated. */
export async function listLighthouseSyncs(ctx: ServiceContext): Promise<
  Array<{
    id: string;
    heldOn: string;
    attendees: Array<{ id: string; name: string }>;
    agendaMarkdown: string;
  }>
> {
  const rows = await queryRows<{
    id: string;
    held_on: string;
    attendees: Array<{ id: string; name: string }>;
    agenda_markdown: string;
  }>(
    ctx.db,
    sql`select s.id::text, s.held_on::text, s.agenda_markdown,
        coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) order by u.name)
          from "user" u where u.id in (select jsonb_array_elements_text(s.attendees))), '[]'::jsonb) as attendees
      from lighthouse_syncs s order by s.held_on desc limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    attendees: r.attendees,
    agendaMarkdown: r.agenda_markdown,
  }));
}
