import { schema } from "@keel/db";
import { type DocumentTemplate, documentVariables, validateTemplate } from "@keel/domain";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "#audit/record-audit.ts";
import { authorizeGlobal } from "#authorization/authorize.ts";
import { type ServiceContext, withTransaction } from "#context.ts";
import { ServiceError } from "#errors.ts";
import { getTemplate } from "./get-template.ts";
import type { TemplateDetail } from "./template-view.ts";

const { documentTemplates } = schema;

/**
 * M-2: an admin's edit of a template is saved as its next version (a new id starts at 1).
 * Documents already made keep the version they came from. An unknown `{{variable}}` is refused
 * with where it is, and nothing is saved.
 */
export async function saveTemplate(
  ctx: ServiceContext,
  { template }: { template: Omit<DocumentTemplate, "version"> },
): Promise<TemplateDetail> {
  const { actor, now, requestId } = ctx;
  authorizeGlobal(actor, "template.manage");
  const check = validateTemplate({ ...template, version: 1 }, documentVariables);
  if (!check.ok) {
    const details = check.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new ServiceError(
      "unprocessable",
      `The template uses unknown variables: ${details.map((d) => `${d.path}: ${d.message}`).join("; ")}`,
      details,
    );
  }
  return withTransaction(ctx, async (txc) => {
    const tx = txc.db;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [next] = await tx
        .select({ version: sql<number>`coalesce(max(${documentTemplates.version}), 0) + 1`.mapWith(Number) })
        .from(documentTemplates)
        .where(eq(documentTemplates.id, template.id));
      const body: DocumentTemplate = { ...template, version: next!.version };
      const [row] = await tx
        .insert(documentTemplates)
        .values({ id: body.id, version: body.version, body, createdBy: actor.id, createdAt: now })
        .onConflictDoNothing()
        .returning({ version: documentTemplates.version });
      if (!row) continue; // someone saved that number a moment ago
      await recordAudit(tx, {
        actorId: actor.id,
        action: "template.save",
        entity: "document_template",
        entityId: `${body.id}@${body.version}`,
        after: body,
        requestId,
      });
      return getTemplate(txc, { templateId: body.id });
    }
    throw new ServiceError("conflict", "Could not number the new template version (busy); try again");
  });
}
