import type { Executor } from "@keel/db";
import { queryRows } from "@keel/db";
import { documents, documentVersions, notifications, projects, tasks } from "@keel/db/schema";
import {
  addDays,
  type DocumentTemplate,
  type ProjectTemplate,
  renderTemplate,
  type TemplateContext,
} from "@keel/domain";
import { sql } from "drizzle-orm";

/**
 * M-1, M-2 and the feed: how a task, project, document or notification comes to be, whether a
 * playbook fired it or a person asked for it. The engine and the API's services both call these.
 */

/** Where a piece of work came from (M-1 "source"), with the firing that made it. */
export type WorkOrigin =
  | { source: "person"; createdBy: string }
  | { source: "playbook" | "template"; firingKey: string | null; ruleId: string; reason: string };

const originColumns = (origin: WorkOrigin) =>
  origin.source === "person"
    ? { source: "person" as const, createdBy: origin.createdBy }
    : { source: origin.source, firingKey: origin.firingKey, ruleId: origin.ruleId, reason: origin.reason };

export async function insertTask(
  db: Executor,
  input: {
    accountId: string;
    title: string;
    notes?: string | null;
    assigneeId: string | null;
    role?: string | null;
    dueDate: string;
    projectId?: string | null;
    /** The document the task is about (R-2: the Health Assessment to complete). */
    documentId?: string | null;
    origin: WorkOrigin;
    at: Date;
  },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(tasks)
    .values({
      accountId: input.accountId,
      documentId: input.documentId ?? null,
      title: input.title,
      notes: input.notes ?? null,
      assigneeId: input.assigneeId,
      role: input.role ?? null,
      dueDate: input.dueDate,
      projectId: input.projectId ?? null,
      ...originColumns(input.origin),
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning({ id: tasks.id });
  return row!;
}

/** M-1: a project from its template: one task per template task, due relative to `startDate`. */
export async function insertProjectFromTemplate(
  db: Executor,
  input: {
    accountId: string;
    template: ProjectTemplate;
    ownerId: string | null;
    /** Who holds each team seat, for the template tasks' roles. */
    team: Record<string, string | null>;
    startDate: string;
    origin: WorkOrigin;
    at: Date;
  },
): Promise<{ id: string; taskIds: string[] }> {
  const { origin } = input;
  const [project] = await db
    .insert(projects)
    .values({
      accountId: input.accountId,
      templateId: input.template.id,
      templateVersion: input.template.version,
      name: input.template.name,
      ownerId: input.ownerId,
      startDate: input.startDate,
      firingKey: origin.source === "person" ? null : origin.firingKey,
      createdBy: origin.source === "person" ? origin.createdBy : null,
      createdAt: input.at,
    })
    .returning({ id: projects.id });
  const taskIds: string[] = [];
  for (const task of input.template.tasks) {
    const created = await insertTask(db, {
      accountId: input.accountId,
      title: task.title,
      assigneeId: input.team[task.role] ?? null,
      role: task.role,
      dueDate: addDays(input.startDate, task.dueInDays),
      projectId: project!.id,
      origin:
        origin.source === "person"
          ? origin
          : {
              source: "template",
              firingKey: origin.firingKey,
              ruleId: origin.ruleId,
              reason: `${input.template.name} project: ${origin.reason}`,
            },
      at: input.at,
    });
    taskIds.push(created.id);
  }
  return { id: project!.id, taskIds };
}

/** M-2: a document's first version, rendered from its template with the account's values. */
export async function insertDocumentFromTemplate(
  db: Executor,
  input: {
    accountId: string;
    template: DocumentTemplate;
    ownerId: string | null;
    context: TemplateContext;
    origin: WorkOrigin;
    at: Date;
  },
): Promise<{ id: string }> {
  const rendered = renderTemplate(input.template, input.context);
  const { origin } = input;
  const [doc] = await db
    .insert(documents)
    .values({
      accountId: input.accountId,
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      title: rendered.title,
      ownerId: input.ownerId,
      version: 1,
      ...(origin.source === "person"
        ? { createdBy: origin.createdBy }
        : { firingKey: origin.firingKey, ruleId: origin.ruleId, reason: origin.reason }),
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning({ id: documents.id });
  await db.insert(documentVersions).values({
    documentId: doc!.id,
    version: 1,
    title: rendered.title,
    sections: rendered.sections,
    editedBy: origin.source === "person" ? origin.createdBy : null,
    editedAt: input.at,
  });
  return doc!;
}

export async function notifyUsers(
  db: Executor,
  input: {
    userIds: readonly string[];
    accountId: string | null;
    message: string;
    ruleId?: string | null;
    reason?: string | null;
    firingKey?: string | null;
    at: Date;
  },
): Promise<number> {
  const recipients = [...new Set(input.userIds)];
  if (recipients.length === 0) return 0;
  await db.insert(notifications).values(
    recipients.map((userId) => ({
      userId,
      accountId: input.accountId,
      message: input.message,
      ruleId: input.ruleId ?? null,
      reason: input.reason ?? null,
      firingKey: input.firingKey ?? null,
      createdAt: input.at,
    })),
  );
  return recipients.length;
}

/** "leadership" in the handbook: the TA managers (SPEC §1 `manager`). */
export async function leadershipIds(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from "user" where 'manager' = any(roles)`);
  return rows.map((r) => r.id);
}

/** The values `{{account.*}}`, `{{team.*}}`, `{{usage.*}}` and `{{today}}` read (M-2). */
export async function loadTemplateContext(
  db: Executor,
  accountId: string,
  today: string,
): Promise<TemplateContext> {
  const [row] = await queryRows<{
    name: string;
    domain: string;
    segment: string;
    arr_cents: string;
    currency: string;
    seats_purchased: number;
    contract_start: string | null;
    close_date: string | null;
    renewal_date: string | null;
    support_level: string;
    lifecycle_stage: string;
    deployment: string;
    instance_version: string | null;
    health_category: string | null;
    health_score: number | null;
    team: Record<string, string> | null;
    mau: number | null;
    mau_over_seats: number | null;
    dau_over_mau: number | null;
  }>(
    db,
    sql`select a.name, a.domain, a.segment, a.arr_cents::text as arr_cents, a.currency, a.seats_purchased,
        a.contract_start::text as contract_start, a.close_date::text as close_date,
        a.renewal_date::text as renewal_date, a.support_level, a.lifecycle_stage, a.deployment,
        a.instance_version, h.category as health_category, h.score as health_score,
        (select jsonb_object_agg(t.role, u.name) from account_team t join "user" u on u.id = t.user_id
          where t.account_id = a.id) as team,
        (h.inputs -> 'facts' ->> 'lastMonthMau')::int as mau,
        (h.inputs -> 'values' ->> 'mauOverSeats')::float8 as mau_over_seats,
        (h.inputs -> 'values' ->> 'dauOverMau')::float8 as dau_over_mau
      from accounts a left join account_health h on h.account_id = a.id
      where a.id = ${accountId}`,
  );
  if (!row) return { today };
  const pct = (ratio: number | null) => (ratio === null ? null : `${Math.round(ratio * 1000) / 10}%`);
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: row.currency });
  return {
    today,
    account: {
      name: row.name,
      domain: row.domain,
      segment: row.segment,
      arr: money.format(Number(row.arr_cents) / 100),
      seatsPurchased: row.seats_purchased,
      contractStart: row.contract_start,
      closeDate: row.close_date,
      renewalDate: row.renewal_date,
      supportLevel: row.support_level,
      lifecycleStage: row.lifecycle_stage,
      healthCategory: row.health_category,
      healthScore: row.health_score === null ? null : Math.round(row.health_score * 100) / 100,
      deployment: row.deployment,
      instanceVersion: row.instance_version,
    },
    team: row.team ?? {},
    usage: { mau: row.mau, mauOverSeats: pct(row.mau_over_seats), dauOverMau: pct(row.dau_over_mau) },
  };
}
