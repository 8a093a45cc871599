import { type Executor, queryRows, schema } from "@keel/db";
import type { ProjectTemplate } from "@keel/domain";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type PersonRef,
  personRef,
  selectTaskViews,
  type TaskView,
  type WorkOriginView,
} from "#tasks/task-view.ts";

const { playbookFirings, projects, tasks, user } = schema;
const owner = alias(user, "owner");
const creator = alias(user, "creator");

export type ProjectView = {
  id: string;
  accountId: string;
  name: string;
  templateId: string;
  templateVersion: number;
  owner: PersonRef | null;
  startDate: string;
  origin: WorkOriginView;
  progress: { done: number; total: number };
  tasks: TaskView[];
  createdAt: string;
};

/** M-1: an account's projects with their tasks and progress, oldest first. */
export async function listAccountProjects({
  db,
  accountId,
  projectId,
  today,
}: {
  db: Executor;
  accountId: string;
  /** Just this project. */
  projectId?: string;
  today: string;
}): Promise<ProjectView[]> {
  const rows = await db
    .select({
      project: projects,
      ownerName: owner.name,
      createdByName: creator.name,
      playbookId: playbookFirings.playbookId,
      playbookVersion: playbookFirings.playbookVersion,
      ruleId: playbookFirings.ruleId,
      reason: playbookFirings.reason,
    })
    .from(projects)
    .leftJoin(owner, eq(owner.id, projects.ownerId))
    .leftJoin(creator, eq(creator.id, projects.createdBy))
    .leftJoin(playbookFirings, eq(playbookFirings.occurrenceKey, projects.firingKey))
    .where(projectId === undefined ? eq(projects.accountId, accountId) : eq(projects.id, projectId))
    .orderBy(asc(projects.createdAt), asc(projects.name), asc(projects.id));
  if (rows.length === 0) return [];
  const { items: projectTasks } = await selectTaskViews(db, {
    where: inArray(
      tasks.projectId,
      rows.map((r) => r.project.id),
    ),
    today,
  });
  return rows.map(({ project, ...row }) => {
    const own = projectTasks.filter((task) => task.projectId === project.id);
    // A person's project has a creator and no firing; a playbook's the other way round.
    const byPlaybook = project.firingKey !== null || project.createdBy === null;
    return {
      id: project.id,
      accountId: project.accountId,
      name: project.name,
      templateId: project.templateId,
      templateVersion: project.templateVersion,
      owner: personRef(project.ownerId, row.ownerName),
      startDate: project.startDate,
      origin: byPlaybook
        ? {
            kind: "playbook",
            playbookId: row.playbookId,
            playbookVersion: row.playbookVersion,
            ruleId: row.ruleId,
            reason: row.reason,
          }
        : { kind: "person", createdBy: personRef(project.createdBy, row.createdByName) },
      progress: { done: own.filter((task) => task.status === "done").length, total: own.length },
      tasks: own,
      createdAt: project.createdAt.toISOString(),
    };
  });
}

/** M-1: the newest version of each project template. */
export async function listProjectTemplates({ db }: { db: Executor }): Promise<ProjectTemplate[]> {
  const rows = await queryRows<{ body: ProjectTemplate }>(
    db,
    sql`select distinct on (id) body from project_templates order by id, version desc`,
  );
  return rows.map((row) => row.body).sort((a, b) => a.name.localeCompare(b.name));
}
