import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent } from "storybook/test";
import { type DocumentDraft, DocumentEditor, type EditableDocument } from "./DocumentEditor.tsx";
import { successPlan, successPlanV2, successPlanVersions } from "./fixtures.tsx";

const meta = {
  title: "Work/DocumentEditor",
  component: DocumentEditor,
  args: {
    document: successPlan,
    versions: successPlanVersions,
    onSave: fn(),
    onDiscard: fn(),
    onReload: fn(),
    onSelectVersion: fn(),
    timeZone: "UTC",
  },
} satisfies Meta<typeof DocumentEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const EditAndSaveWithShortcut: Story = {
  play: async ({ canvas, args }) => {
    const risks = canvas.getByRole("textbox", { name: "Risks" });
    await userEvent.type(risks, " Budget review in May.");
    await expect(canvas.getByRole("button", { name: "Save" })).toBeEnabled();
    await userEvent.keyboard("{Control>}s{/Control}");
    await expect(args.onSave).toHaveBeenCalledTimes(1);
  },
};

export const Saving: Story = { args: { saving: true } };

export const Conflict: Story = {
  args: { conflict: { message: "Lee Okafor saved version 4 at 3:10 PM." } },
};

export const SaveFailed: Story = { args: { saveError: "The document could not be saved. Try again." } };

export const ReadOnly: Story = { args: { readOnly: true } };

export const OlderVersion: Story = { args: { document: successPlanV2 } };

export const NoVersionsYet: Story = {
  args: {
    versions: undefined,
    document: {
      ...successPlan,
      version: 1,
      editedBy: null,
      sections: successPlan.sections.map((s) => ({ ...s, body: "" })),
    },
  },
};

export const LongText: Story = {
  args: {
    document: {
      ...successPlan,
      title:
        "Success plan for Juniper Retail Group International Holdings (EMEA and APAC subsidiaries), fiscal year 2026 renewal and cloud migration",
      sections: [
        {
          id: "goals",
          heading:
            "Goals agreed with the executive sponsor, the platform team and procurement at the quarterly business review",
          body: Array.from(
            { length: 8 },
            (_, i) =>
              `${i + 1}. Migrate the runners of region ${i + 1} to the cloud fleet, verify the health checks for two weeks and retire the self-hosted hosts afterwards.`,
          ).join("\n"),
        },
      ],
    },
  },
};

/** Saves bump the version, as the API would; the draft follows the new version. */
function SavingDemo() {
  const [document, setDocument] = useState<EditableDocument>(successPlan);
  const save = (draft: DocumentDraft) =>
    setDocument((current) => ({
      ...current,
      ...draft,
      version: current.version + 1,
      editedAt: "2026-03-16T12:00:00Z",
      editedBy: "You",
    }));
  return <DocumentEditor document={document} onSave={save} timeZone="UTC" />;
}

export const Interactive: Story = {
  render: () => <SavingDemo />,
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: "Next steps" }), "Book the site visits.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(canvas.getByText(/Version 4 · edited/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Save" })).toBeDisabled();
  },
};
