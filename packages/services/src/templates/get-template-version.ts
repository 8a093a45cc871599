import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { selectVersions, type TemplateVersionView } from "./template-view.ts";

export async function getTemplateVersion(
  { db }: ServiceContext,
  { templateId, version }: { templateId: string; version: number },
): Promise<TemplateVersionView> {
  const [found] = await selectVersions(db, templateId, version);
  if (!found) throw new ServiceError("not_found", `Template ${templateId} has no version ${version}`);
  return found;
}
