import type { ServiceContext } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { selectVersions, type TemplateDetail } from "./template-view.ts";

/** M-2: a template's newest version, with the list of all its versions. */
export async function getTemplate(
  { db }: ServiceContext,
  { templateId }: { templateId: string },
): Promise<TemplateDetail> {
  const versions = await selectVersions(db, templateId);
  const [newest] = versions;
  if (!newest) throw new ServiceError("not_found", `Template ${templateId} does not exist`);
  return {
    ...newest,
    versions: versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy })),
  };
}
