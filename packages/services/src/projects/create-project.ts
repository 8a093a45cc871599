import type { Database } from "@keel/db";
import type { Actor } from "@keel/domain";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeAccount } from "#authorization/authorize.ts";
import { loadCurrentProjectTemplate } from "#automation/catalog.ts";
import { createProjectFromTemplate } from "#automation/work.ts";
import { todayOf } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { listAccountProjects, type ProjectView } from "./list-projects.ts";

/**
 * M-1: a project a person starts from the newest version of a template; its tasks go to the
 * team seats the template names and are due relative to the start date.
 */
export async function createAccountProject({
  db,
  actor,
  input,
  now,
  requestId,
}: {
  db: Database;
  actor: Actor;
  input: { accountId: string; templateId: string; startDate?: string };
  now: Date;
  requestId: string;
}): Promise<ProjectView> {
  const today = todayOf(now);
  return db.transaction(async (tx) => {
    const team = await authorizeAccount(tx, actor, "account.editTasks", input.accountId);
    const template = await loadCurrentProjectTemplate(tx, input.templateId);
    if (!template) {
      const message = `unknown project template ${input.templateId}`;
      throw new ServiceError("unprocessable", `The project cannot be created: ${message}`, [
        { path: "templateId", message },
      ]);
    }
    const { id } = await createProjectFromTemplate(tx, {
      accountId: input.accountId,
      template,
      // The account's TA owns its projects; without one, whoever started it.
      ownerId: team.ta ?? actor.id,
      team,
      startDate: input.startDate ?? today,
      origin: { source: "person", createdBy: actor.id },
      at: now,
    });
    const [project] = await listAccountProjects({ db: tx, accountId: input.accountId, projectId: id, today });
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
