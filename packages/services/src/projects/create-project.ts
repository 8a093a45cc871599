import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { loadCurrentProjectTemplate } from "#automation/catalog.ts";
import { insertProjectFromTemplate } from "#automation/work.ts";
import { type ServiceContext, todayOf, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { listAccountProjects } from "./list-account-projects.ts";
import type { ProjectView } from "./project-view.ts";

/**
 * M-1: a project a person starts from the newest version of a template; its tasks go to the
 * team seats the template names and are due relative to the start date.
 */
export async function createProject(
  ctx: ServiceContext,
  input: { accountId: string; templateId: string; startDate?: string },
): Promise<ProjectView> {
  const { actor, now, requestId } = ctx;
  const today = todayOf(now);
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const team = await authorizeAccount(tx, actor, "account.editTasks", input.accountId);
    const template = await loadCurrentProjectTemplate(tx, input.templateId);
    if (!template) {
      const message = `unknown project template ${input.templateId}`;
      throw new ServiceError("unprocessable", `The project cannot be created: ${message}`, [
        { path: "templateId", message },
      ]);
    }
    const { id } = await insertProjectFromTemplate(tx, {
      accountId: input.accountId,
      template,
      // The account's TA owns its projects; without one, whoever started it.
      ownerId: team.ta ?? actor.id,
      team,
      startDate: input.startDate ?? today,
      origin: { source: "person", createdBy: actor.id },
      at: now,
    });
    const [project] = await listAccountProjects(txc, { accountId: input.accountId, projectId: id, today });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "project.create",
      entity: "project",
      entityId: id,
      after: { ...project!, tasks: project!.tasks.map((task) => task.id) },
      requestId,
    });
    return project!;
  });
}
