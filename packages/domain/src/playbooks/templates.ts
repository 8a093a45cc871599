import { z } from "zod";
import { int32Schema } from "../validation.ts";

/** M-2: a document template: structured sections whose text may use `{{account.name}}`-style variables. */
export const documentTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case"),
  version: int32Schema({ min: 1 }),
  name: z.string().min(1),
  /** Where the template comes from (handbook seed). */
  source: z.string(),
  title: z.string().min(1),
  sections: z
    .array(
      z.object({
        id: z.string().min(1),
        heading: z.string().min(1),
        body: z.string(),
        /**
         * What to write here, shown greyed in the empty section and gone on the first keystroke
         * (a hint the TA would otherwise have to delete).
         */
        prompt: z.string().max(2_000).optional(),
      }),
    )
    .min(1),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

/** Variables a template may use; the API fills them from the account and its health. */
export const documentVariables = [
  "account.name",
  "account.domain",
  "account.segment",
  "account.arr",
  "account.seatsPurchased",
  "account.contractStart",
  "account.closeDate",
  "account.renewalDate",
  "account.supportLevel",
  "account.lifecycleStage",
  "account.healthCategory",
  "account.healthScore",
  "account.deployment",
  "account.instanceVersion",
  "team.ta",
  "team.ae",
  "team.ce",
  "team.ie",
  "usage.mau",
  "usage.mauOverSeats",
  "usage.dauOverMau",
  "today",
] as const;

const variablePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type TemplateIssue = { path: (string | number)[]; variable: string; message: string };

function variablesIn(text: string): string[] {
  return [...text.matchAll(variablePattern)].map((m) => m[1] ?? "");
}

/** M-2: an unknown variable is an error at save time, with where it is. */
export function validateTemplate(
  template: DocumentTemplate,
  knownVariables: readonly string[] = documentVariables,
): { ok: true } | { ok: false; issues: TemplateIssue[] } {
  const known = new Set(knownVariables);
  const issues: TemplateIssue[] = [];
  const check = (text: string, path: (string | number)[]) => {
    for (const variable of variablesIn(text)) {
      if (!known.has(variable)) issues.push({ path, variable, message: `unknown variable {{${variable}}}` });
    }
  };
  check(template.title, ["title"]);
  template.sections.forEach((section, i) => {
    check(section.heading, ["sections", i, "heading"]);
    check(section.body, ["sections", i, "body"]);
    if (section.prompt !== undefined) check(section.prompt, ["sections", i, "prompt"]);
  });
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

export type RenderedDocument = {
  templateId: string;
  templateVersion: number;
  title: string;
  sections: { id: string; heading: string; body: string; prompt?: string }[];
};

export type TemplateContext = {
  [key: string]: string | number | boolean | null | undefined | TemplateContext;
};

function lookup(context: TemplateContext, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split(".")) {
    value = value !== null && typeof value === "object" ? (value as TemplateContext)[key] : undefined;
  }
  return value;
}

/** Fills `{{variable}}`s from the context; a known variable without a value reads "(not set)". */
export function fillVariables(text: string, context: TemplateContext): string {
  return text.replace(variablePattern, (_, name: string) => {
    const value = lookup(context, name);
    return value === null || value === undefined || typeof value === "object" ? "(not set)" : String(value);
  });
}

/** M-2: a document's first version from its template. */
export function renderTemplate(template: DocumentTemplate, context: TemplateContext): RenderedDocument {
  const fill = (text: string) => fillVariables(text, context);
  return {
    templateId: template.id,
    templateVersion: template.version,
    title: fill(template.title),
    sections: template.sections.map((s) => ({
      id: s.id,
      heading: fill(s.heading),
      body: fill(s.body),
      ...(s.prompt === undefined ? {} : { prompt: fill(s.prompt) }),
    })),
  };
}

const template = (t: DocumentTemplate): DocumentTemplate => documentTemplateSchema.parse(t);

/** M-2: the eight handbook templates. */
export const builtinTemplates: readonly DocumentTemplate[] = [
  template({
    id: "handoff",
    version: 1,
    name: "Handoff Doc",
    source: "seed 001 hand-off (A-3)",
    title: "Handoff: {{account.name}}",
    sections: [
      {
        id: "deal",
        heading: "Deal summary",
        body: "Close date {{account.closeDate}}, ARR {{account.arr}}, {{account.seatsPurchased}} seats, segment {{account.segment}}, support level {{account.supportLevel}}.",
      },
      {
        id: "team",
        heading: "Account team",
        body: "AE {{team.ae}}, CE {{team.ce}}, TA {{team.ta}}, IE {{team.ie}}.",
      },
      {
        id: "why-bought",
        heading: "Why they bought",
        body: "",
        prompt: "Business drivers, pains, the use cases proven in the evaluation.",
      },
      {
        id: "success-criteria",
        heading: "Success criteria",
        body: "",
        prompt: "What the customer expects to achieve and by when.",
      },
      {
        id: "contacts",
        heading: "Key contacts",
        body: "",
        prompt: "Champion, economic buyer, instance admins, deal contacts (tag them by C-3).",
      },
      {
        id: "technical",
        heading: "Technical environment",
        body: "Deployment {{account.deployment}}, code hosts, repositories, SSO, integrations.",
      },
      {
        id: "risks",
        heading: "Risks and open items",
        body: "",
        prompt: "Commitments made during the sale, open questions, known concerns.",
      },
      {
        id: "knowledge-transfer",
        heading: "Knowledge transfer",
        body: "",
        prompt: "Date of the knowledge-transfer call with the TA and AE (IE invited when involved).",
      },
    ],
  }),
  template({
    id: "health-assessment",
    version: 1,
    name: "Health Assessment",
    source: "seed 001 renewals (R-2)",
    title: "Renewal Health Assessment: {{account.name}} (renews {{account.renewalDate}})",
    sections: [
      {
        id: "health",
        heading: "Current health",
        body: "Health score {{account.healthScore}} ({{account.healthCategory}}); MAU/seats {{usage.mauOverSeats}}, DAU/MAU {{usage.dauOverMau}}.",
      },
      {
        id: "relationships",
        heading: "Relationships",
        body: "",
        prompt: "Active champion? Access to the economic buyer? Sentiment of key contacts.",
      },
      {
        id: "value",
        heading: "Value realised",
        body: "",
        prompt: "Outcomes achieved against the success plan.",
      },
      { id: "risks", heading: "Risks", body: "", prompt: "Budget, competition, adoption, technical issues." },
      {
        id: "rating",
        heading: "Proposed rating",
        body: "",
        prompt: "Green / Yellow / Red, with the reason. Reviewed by the TA and AE managers.",
      },
    ],
  }),
  template({
    id: "account-save-plan",
    version: 1,
    name: "Account Save Plan",
    source: "seed 001 Lighthouse program",
    title: "Account Save Plan: {{account.name}}",
    sections: [
      {
        id: "problem",
        heading: "Problem statement & goal",
        body: "",
        prompt: "Why the account enters the program, the current problem, the result we want.",
      },
      {
        id: "success-criteria",
        heading: "Success criteria",
        body: "",
        prompt: "Quantitative conditions that must hold to exit the program.",
      },
      {
        id: "plan",
        heading: "Save plan",
        body: "",
        prompt: "For each success criterion, the steps to take and by whom.",
      },
      { id: "updates", heading: "Updates in the last 2 weeks", body: "" },
      { id: "blockers", heading: "Blockers, risks or asks", body: "" },
    ],
  }),
  template({
    id: "get-well-plan",
    version: 1,
    name: "Get Well Plan",
    source: "seed 003 low utilization (O-4)",
    title: "Get Well Plan: {{account.name}}",
    sections: [
      {
        id: "inspection",
        heading: "Initial inspection",
        body: "MAU {{usage.mau}} of {{account.seatsPurchased}} seats ({{usage.mauOverSeats}}); DAU/MAU {{usage.dauOverMau}}. Versions behind, champion, usage score: what explains the low utilization?",
      },
      {
        id: "plan",
        heading: "Plan",
        body: "",
        prompt: "Actions, owners and dates; team-by-team enablement where usage is low.",
      },
      { id: "status", heading: "Weekly status", body: "" },
    ],
  }),
  template({
    id: "success-plan",
    version: 1,
    name: "Success Plan",
    source: "seed 001 account management (M-3)",
    title: "Success Plan: {{account.name}}",
    sections: [
      {
        id: "north-star",
        heading: "North Star goals",
        body: "",
        prompt: "The measurable goals for this account for the next quarter.",
      },
      {
        id: "action-plan",
        heading: "Success action plan",
        body: "",
        prompt: "For each goal, the action plan and steps; link the tasks.",
      },
      {
        id: "relationships",
        heading: "Relationships",
        body: "",
        prompt: "Who, their sentiment, who to turn into a champion, why, and the win that develops them.",
      },
      {
        id: "asks",
        heading: "Asks from the business",
        body: "",
        prompt: "Dependencies, how they could jeopardise the goals, the plan to resolve them, help needed.",
      },
    ],
  }),
  template({
    id: "churn-retro",
    version: 1,
    name: "Churn Retro",
    source: "seed 001 churn retro (R-7)",
    title: "Churn Retro: {{account.name}}",
    sections: [
      {
        id: "summary",
        heading: "Churn summary",
        body: "",
        prompt: "ARR and seats before and after; full or partial churn; closed-lost category and reason.",
      },
      { id: "timeline", heading: "Timeline", body: "", prompt: "Key events from onboarding to the renewal." },
      { id: "lessons", heading: "Lessons learned", body: "" },
      { id: "calls-to-action", heading: "Calls to action", body: "", prompt: "Owner and due date for each." },
    ],
  }),
  template({
    id: "ta-to-ta-handoff",
    version: 1,
    name: "TA-to-TA Handoff",
    source: "seed 002 TA to TA account handoff (A-5)",
    title: "TA to TA Account Handoff: {{account.name}}",
    sections: [
      {
        id: "overview",
        heading: "Account overview",
        body: "Segment {{account.segment}}, ARR {{account.arr}}, renews {{account.renewalDate}}, stage {{account.lifecycleStage}}, health {{account.healthCategory}}.",
      },
      {
        id: "relationships",
        heading: "Relationships",
        body: "",
        prompt: "Champion, economic buyer, key contacts and their sentiment.",
      },
      {
        id: "success-plan",
        heading: "Success plan status",
        body: "",
        prompt: "Goals, progress, open action items.",
      },
      {
        id: "technical",
        heading: "Technical state",
        body: "Deployment {{account.deployment}}, version {{account.instanceVersion}}, open tickets.",
      },
      { id: "risks", heading: "Risks and open items", body: "" },
    ],
  }),
  template({
    id: "cbr",
    version: 1,
    name: "CBR",
    source: "seed 002 CBRs (M-4)",
    title: "Customer Business Review: {{account.name}}",
    sections: [
      { id: "intros", heading: "Intros", body: "" },
      { id: "strategy", heading: "Business Strategy & Key Initiatives", body: "" },
      { id: "progress", heading: "Previous Progress & Outcomes", body: "" },
      {
        id: "usage",
        heading: "Usage Summary",
        body: "MAU {{usage.mau}} of {{account.seatsPurchased}} seats ({{usage.mauOverSeats}}); DAU/MAU {{usage.dauOverMau}}.",
      },
      { id: "value", heading: "Value Realization & Maturity Model", body: "" },
      { id: "roadmap", heading: "Product Roadmap & Feedback", body: "" },
      { id: "next-steps", heading: "Next Steps", body: "" },
    ],
  }),
];
