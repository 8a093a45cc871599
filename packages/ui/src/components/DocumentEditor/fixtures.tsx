import type { DocumentVersionSummary, EditableDocument } from "./DocumentEditor.tsx";

export const successPlan: EditableDocument = {
  title: "Success plan: Acme Robotics",
  version: 3,
  editedAt: "2026-03-12T15:04:00Z",
  editedBy: "Dana Scott",
  sections: [
    {
      id: "goals",
      heading: "Goals",
      body: "Roll out to the three factory sites by June.\nTrain 40 operators.",
    },
    { id: "risks", heading: "Risks", body: "The IT team is short-staffed until April." },
    {
      id: "next",
      heading: "Next steps",
      body: "",
      prompt: "Actions, owners and dates for the next quarter.",
    },
  ],
};

export const successPlanVersions: DocumentVersionSummary[] = [
  { version: 3, editedAt: "2026-03-12T15:04:00Z", editedBy: "Dana Scott" },
  { version: 2, editedAt: "2026-02-20T09:30:00Z", editedBy: "Lee Okafor" },
  { version: 1, editedAt: "2026-02-01T08:00:00Z", editedBy: null },
];

export const successPlanV2: EditableDocument = {
  ...successPlan,
  version: 2,
  editedAt: "2026-02-20T09:30:00Z",
  editedBy: "Lee Okafor",
  sections: [
    { id: "goals", heading: "Goals", body: "Roll out to two factory sites." },
    { id: "risks", heading: "Risks", body: "" },
    { id: "next", heading: "Next steps", body: "" },
  ],
};
