import { schema } from "@keel/db";
import { asc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "#context.ts";
import { personRef, selectTaskViews } from "#tasks/task-view.ts";
import { creator, owner, type ProjectView } from "./project-view.ts";

const { playbookFirings, projects, tasks } = schema;

/** M-1: an account's projects with their tasks and progress, oldest first. */
export async function listAccountProjects(
  { db }: ServiceContext,
  { accountId, projectId, today }: { accountId: string; projectId?: string; today: string },
): Promise<ProjectView[]> {
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
