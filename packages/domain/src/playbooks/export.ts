import { z } from "zod";
import { CONSISTENCY, onlyConsistencyIssues } from "../validation.ts";
import { builtinProjectTemplates } from "./builtin.ts";
import { playbookSchema, projectTemplateSchema } from "./schema.ts";
import { documentTemplateSchema, documentVariables, validateTemplate } from "./templates.ts";

/**
 * playbooks and templates as versioned JSON. Cross-checks: no duplicate id@version, every
 * document or project a playbook creates names a template in the file, and templates use only
 * known variables.
 */
export const playbookExportSchema = z
  .object({
    kind: z.literal("keel.playbooks"),
    schemaVersion: z.literal(1),
    playbooks: z.array(playbookSchema),
    documentTemplates: z.array(documentTemplateSchema),
    projectTemplates: z.array(projectTemplateSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const duplicates = (items: { id: string; version: number }[], key: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const id = `${item.id}@${item.version}`;
        if (seen.has(id))
          ctx.addIssue({
            code: "custom",
            params: CONSISTENCY,
            path: [key, i, "version"],
            message: `duplicate ${id}`,
          });
        seen.add(id);
      });
    };
    duplicates(file.playbooks, "playbooks");
    duplicates(file.documentTemplates, "documentTemplates");
    duplicates(file.projectTemplates, "projectTemplates");
    const documents = new Set(file.documentTemplates.map((t) => t.id));
    const projects = new Set(file.projectTemplates.map((t) => t.id));
    file.playbooks.forEach((playbook, p) => {
      playbook.actions.forEach((action, a) => {
        if (action.type === "createDocument" && !documents.has(action.templateId)) {
          ctx.addIssue({
            code: "custom",
            params: CONSISTENCY,
            path: ["playbooks", p, "actions", a, "templateId"],
            message: `no document template "${action.templateId}"`,
          });
        }
        if (action.type === "createProject" && !projects.has(action.templateId)) {
          ctx.addIssue({
            code: "custom",
            params: CONSISTENCY,
            path: ["playbooks", p, "actions", a, "templateId"],
            message: `no project template "${action.templateId}"`,
          });
        }
      });
    });
    file.documentTemplates.forEach((template, t) => {
      const result = validateTemplate(template, documentVariables);
      if (!result.ok) {
        for (const issue of result.issues) {
          ctx.addIssue({
            code: "custom",
            params: CONSISTENCY,
            path: ["documentTemplates", t, ...issue.path],
            message: issue.message,
          });
        }
      }
    });
  });
export type PlaybookExport = z.infer<typeof playbookExportSchema>;

export type ImportError = { path: string; message: string };

/** an import is accepted whole or rejected whole, with the path of each error. */
export function parsePlaybookExport(json: unknown):
  | { ok: true; value: PlaybookExport }
  | {
      ok: false;
      errors: ImportError[] /** well-formed, but referring to what is not there */;
      inconsistent: boolean;
    } {
  const result = playbookExportSchema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    inconsistent: onlyConsistencyIssues(result.error.issues),
    errors: result.error.issues.map((issue) => ({
      path: issue.path
        .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
        .join("")
        .replace(/^\./, ""),
      message: issue.message,
    })),
  };
}

/** the export file for a set of playbooks and templates. */
export function exportPlaybooks(input: {
  playbooks: readonly z.input<typeof playbookSchema>[];
  documentTemplates: readonly z.input<typeof documentTemplateSchema>[];
  projectTemplates?: readonly z.input<typeof projectTemplateSchema>[];
}): PlaybookExport {
  return playbookExportSchema.parse({
    kind: "keel.playbooks",
    schemaVersion: 1,
    playbooks: input.playbooks,
    documentTemplates: input.documentTemplates,
    projectTemplates: input.projectTemplates ?? builtinProjectTemplates,
  });
}
