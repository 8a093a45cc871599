import { slaPolicy } from "../sla/policy.ts";
import { type Playbook, type PlaybookInput, type ProjectTemplate, playbookSchema } from "./schema.ts";

const define = (input: PlaybookInput): Playbook => playbookSchema.parse(input);

/** A-2 "Customer Segmentation Assignment": on creation and whenever the support level is set. */
export const segmentationPlaybook = define({
  id: "customer-segmentation",
  version: 1,
  name: "Customer Segmentation Assignment",
  ruleId: "A-2",
  source: "seed 001 hand-off",
  triggers: [
    { kind: "event", event: { type: "accountCreated" } },
    { kind: "event", event: { type: "fieldSet", field: "supportLevel" } },
  ],
  actions: [{ type: "assignSegment" }],
});

/** A-3 at T-35 (seed 000): the older hand-off playbook, kept as version 1. */
export const handoffPlaybookV1 = define({
  id: "pre-to-post-sales-handoff",
  version: 1,
  name: "Pre to Post-Sales Hand-off and Planning",
  ruleId: "A-3",
  source: "seed 000 TA handbook",
  triggers: [{ kind: "date", anchor: "closeDate", offsetDays: -35 }],
  conditions: [{ field: "lifecycleStage", op: "=", value: "prospect" }],
  actions: [
    { type: "createDocument", templateId: "handoff", ownerRole: "ce" },
    {
      type: "createTask",
      role: "ce",
      title:
        "Fill out the Handoff Doc and schedule the knowledge transfer with the TA and AE (invite the IE when involved)",
      dueInDays: 7,
    },
  ],
});

/** A-3 at T-30 (seed 001, current): Handoff Doc from its template and the CE's task. */
export const handoffPlaybook = define({
  ...handoffPlaybookV1,
  version: 2,
  source: "seed 001 hand-off",
  triggers: [{ kind: "date", anchor: "closeDate", offsetDays: -30 }],
});

/** leadership is reminded when T-45 passes without a support level. */
export const supportLevelReminderPlaybook = define({
  id: "handoff-support-level-reminder",
  version: 1,
  name: "Hand-off: support level not set at T-45",
  ruleId: "A-3",
  source: "seed 001 hand-off",
  triggers: [{ kind: "date", anchor: "closeDate", offsetDays: -44 }],
  conditions: [{ field: "handoff.supportLevelSetAt", op: "isNotSet" }],
  actions: [
    {
      type: "notify",
      to: "leadership",
      message:
        "T-45 has passed and no support level is set for {{account.name}} (closes {{account.closeDate}})",
    },
  ],
});

/** leadership is reminded when T-35 passes without a TA; the TA is told when assigned. */
export const taAssignmentReminderPlaybook = define({
  id: "handoff-ta-assignment-reminder",
  version: 1,
  name: "Hand-off: TA not assigned at T-35",
  ruleId: "A-3",
  source: "seed 001 hand-off",
  triggers: [{ kind: "date", anchor: "closeDate", offsetDays: -34 }],
  conditions: [{ field: "team.ta", op: "isNotSet" }],
  actions: [
    {
      type: "notify",
      to: "leadership",
      message: "T-35 has passed and no TA is assigned to {{account.name}} (closes {{account.closeDate}})",
    },
  ],
});

export const taAssignedPlaybook = define({
  id: "handoff-ta-assigned",
  version: 1,
  name: "Hand-off: TA assigned",
  ruleId: "A-3",
  source: "seed 001 hand-off",
  triggers: [{ kind: "event", event: { type: "fieldSet", field: "team.ta" } }],
  actions: [
    {
      type: "notify",
      to: "ta",
      message: "You are the TA for {{account.name}} (closes {{account.closeDate}})",
    },
  ],
});

/** A-4 on close: license (TA, or CE when scaled), onboarding & enablement project, kick-off. */
export const onClosePlaybook = define({
  id: "new-customer-on-close",
  version: 1,
  name: "New customer: on close",
  ruleId: "A-4",
  source: "seed 001 hand-off",
  triggers: [{ kind: "date", anchor: "closeDate", offsetDays: 0 }],
  actions: [
    {
      type: "createTask",
      role: "ta",
      title: "Issue the production license",
      dueInDays: 2,
      when: [{ field: "scaled", op: "=", value: false }],
    },
    {
      type: "createTask",
      role: "ce",
      title: "Issue the production license (scaled customer)",
      dueInDays: 2,
      when: [{ field: "scaled", op: "=", value: true }],
    },
    { type: "createProject", templateId: "new-customer-onboarding-and-enablement", ownerRole: "ta" },
    { type: "createTask", role: "ta", title: "Hold the partnership kick-off", dueInDays: 14 },
    { type: "webhook", eventType: "account.closed" },
  ],
});

/** R-2 at T-120: Health Assessment doc and the TA's task to complete it with the AE. */
export const renewalHealthAssessmentPlaybook = define({
  id: "renewal-health-assessment",
  version: 1,
  name: "Renewal Playbook: Health Assessment",
  ruleId: "R-2",
  source: "seed 001 renewals",
  triggers: [{ kind: "date", anchor: "renewalDate", offsetDays: -120 }],
  actions: [
    { type: "createDocument", templateId: "health-assessment", ownerRole: "ta" },
    {
      type: "createTask",
      role: "ta",
      title: "Complete the Health Assessment with the AE for manager review",
      dueInDays: 14,
    },
  ],
});

/** R-3 at T-180 (seed 003): yellow or red accounts go on the Yellow/Red Renewals review list. */
export const yellowRedRenewalReviewPlaybook = define({
  id: "yellow-red-renewal-review",
  version: 1,
  name: "Yellow/Red Renewals review",
  ruleId: "R-3",
  source: "seed 003 TA activities",
  triggers: [{ kind: "date", anchor: "renewalDate", offsetDays: -180 }],
  conditions: [{ field: "healthCategory", op: "in", value: ["red", "yellow"] }],
  actions: [
    { type: "setFlag", flag: "yellowRedRenewalReview" },
    {
      type: "notify",
      to: "leadership",
      message: "{{account.name}} renews on {{account.renewalDate}} with {{account.healthCategory}} health",
    },
  ],
});

/** M-7: each month the TA refreshes Pulse, Access to buyer and Active champion (seed 003). */
export const manualTraitRefreshPlaybook = define({
  id: "monthly-manual-trait-refresh",
  version: 1,
  name: "Monthly trait refresh",
  ruleId: "M-7",
  source: "seed 003 TA activities",
  triggers: [{ kind: "schedule", every: "month", dayOfMonth: 1 }],
  conditions: [{ field: "lifecycleStage", op: "!=", value: "prospect" }],
  actions: [
    {
      type: "createTask",
      role: "ta",
      title: "Refresh the TA Pulse, Access to buyer and Active champion traits",
      dueInDays: slaPolicy.traitRefreshTaskDueInDays,
    },
  ],
});

/** M-6: every customer is contacted at least once a month. */
export const contactCadencePlaybook = define({
  id: "contact-cadence",
  version: 1,
  name: `Not contacted in ${slaPolicy.contactCadenceDays} days`,
  ruleId: "M-6",
  source: "seed 003 TA activities",
  triggers: [
    {
      kind: "event",
      event: {
        type: "traitCrossed",
        trait: "daysSinceLastActivity",
        op: ">=",
        value: slaPolicy.contactCadenceDays,
      },
    },
  ],
  conditions: [{ field: "lifecycleStage", op: "!=", value: "prospect" }],
  actions: [
    {
      type: "createTask",
      role: "ta",
      title: "Reach out with something of value (a new feature, a post, relevant industry news)",
      dueInDays: 3,
    },
  ],
});

/** O-4: MAU/seats below 80% starts the "Customer Health – Low Utilization" project (seed 003). */
export const lowUtilizationPlaybook = define({
  id: "low-utilization",
  version: 1,
  name: "Customer Health – Low Utilization",
  ruleId: "O-4",
  source: "seed 003 TA activities",
  triggers: [{ kind: "event", event: { type: "traitCrossed", trait: "mauOverSeats", op: "<", value: 0.8 } }],
  conditions: [{ field: "lifecycleStage", op: "in", value: ["adopting", "nurturing", "renewing"] }],
  actions: [
    { type: "createProject", templateId: "customer-health-low-utilization", ownerRole: "ta" },
    { type: "createDocument", templateId: "get-well-plan", ownerRole: "ta" },
  ],
});

/** Seed 003: no active champion → mark the account red and start the #red-accounts thread. */
export const noActiveChampionPlaybook = define({
  id: "no-active-champion",
  version: 1,
  name: "No active champion → red account",
  ruleId: "H-2 activeChampion (seed 003)",
  source: "seed 003 TA activities",
  triggers: [{ kind: "event", event: { type: "fieldSet", field: "traits.activeChampion" } }],
  conditions: [
    { field: "traits.activeChampion", op: "=", value: false },
    { field: "redAccount", op: "=", value: false },
  ],
  actions: [
    { type: "setFlag", flag: "redAccount" },
    {
      type: "notify",
      to: "leadership",
      message:
        "{{account.name}} has no active champion and is now a red account: plan to identify and build new champions",
    },
    { type: "webhook", eventType: "account.redAccount" },
  ],
});

/** C-3: the CE tags all known contacts within 7 days of signature; overdue → a task. */
export const contactTaggingPlaybook = define({
  id: "contact-tagging",
  version: 1,
  name: "Contact role tagging",
  ruleId: "C-3",
  source: "seed 001 contacts",
  triggers: [{ kind: "date", anchor: "contractStart", offsetDays: slaPolicy.contactTaggingDays }],
  conditions: [{ field: "contactsTaggedAt", op: "isNotSet" }],
  actions: [
    {
      type: "createTask",
      role: "ce",
      title: "Tag every known contact with their roles (overdue)",
      dueInDays: 1,
    },
  ],
});

/** The handbook's playbooks, current versions. */
export const builtinPlaybooks: readonly Playbook[] = [
  segmentationPlaybook,
  handoffPlaybook,
  supportLevelReminderPlaybook,
  taAssignmentReminderPlaybook,
  taAssignedPlaybook,
  onClosePlaybook,
  renewalHealthAssessmentPlaybook,
  yellowRedRenewalReviewPlaybook,
  manualTraitRefreshPlaybook,
  contactCadencePlaybook,
  lowUtilizationPlaybook,
  noActiveChampionPlaybook,
  contactTaggingPlaybook,
];

/** Older versions kept for history. */
export const builtinPlaybookHistory: readonly Playbook[] = [handoffPlaybookV1];

export const builtinProjectTemplates: readonly ProjectTemplate[] = [
  {
    id: "new-customer-onboarding-and-enablement",
    version: 1,
    name: "New Customer Onboarding and Enablement",
    tasks: [
      {
        title: "Write the onboarding plan: teams, onboarding contacts, roll-out plan",
        role: "ta",
        dueInDays: 7,
      },
      { title: "Confirm the production instance ready date", role: "ta", dueInDays: 14 },
      { title: "Deliver Sourcegraph 101", role: "ta", dueInDays: 21 },
      { title: "Deliver Admin training", role: "ta", dueInDays: 21 },
      { title: "Deliver Sourcegraph 102", role: "ta", dueInDays: 35 },
      { title: "Deliver Cody onboarding", role: "ta", dueInDays: 35 },
      { title: "Check MAU/seats against the onboarding goal", role: "ta", dueInDays: 60 },
    ],
  },
  {
    id: "customer-health-low-utilization",
    version: 1,
    name: "Customer Health – Low Utilization",
    tasks: [
      { title: "Initial inspection of the account", role: "ta", dueInDays: 5 },
      { title: "Write the comprehensive Get Well Plan", role: "ta", dueInDays: 10 },
      { title: "Weekly Get Well Plan status update", role: "ta", dueInDays: 17 },
    ],
  },
  {
    id: "ce-to-ta-account-handoff",
    version: 1,
    name: "CE to TA Account Handoff",
    tasks: [
      { title: "Fill out the Handoff Doc", role: "ce", dueInDays: 5 },
      { title: "Hold the knowledge transfer with the TA and AE", role: "ce", dueInDays: 10 },
      { title: "Review the Handoff Doc", role: "ta", dueInDays: 12 },
    ],
  },
];
