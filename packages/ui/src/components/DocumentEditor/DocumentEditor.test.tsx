import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { type DocumentDraft, DocumentEditor, type DocumentEditorProps } from "./DocumentEditor.tsx";
import { successPlan, successPlanV2, successPlanVersions } from "./fixtures.tsx";

function renderEditor(props: Partial<DocumentEditorProps> = {}) {
  const user = userEvent.setup();
  const onSave = vi.fn<(draft: DocumentDraft) => void>();
  const view = render(<DocumentEditor document={successPlan} onSave={onSave} timeZone="UTC" {...props} />);
  return { user, onSave, ...view };
}

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("DocumentEditor (M-2)", () => {
  it("shows the version line and keeps Save disabled until something changes", async () => {
    const { user } = renderEditor();
    expect(screen.getByText(/Version 3 · edited/).textContent).toBe(
      "Version 3 · edited Mar 12, 2026 by Dana Scott",
    );
    expect(button("Save").disabled).toBe(true);
    expect(button("Discard changes").disabled).toBe(true);
    await user.type(screen.getByRole("textbox", { name: "Next steps" }), "Book visits");
    expect(button("Save").disabled).toBe(false);
    expect(screen.getByRole("status").textContent).toBe("Unsaved changes");
  });

  it("shows a template's hint as a placeholder that is never part of the text", async () => {
    const { user, onSave } = renderEditor();
    const next = screen.getByRole("textbox", { name: "Next steps" }) as HTMLTextAreaElement;
    expect(next.placeholder).toBe("Actions, owners and dates for the next quarter.");
    expect(next.value).toBe("");
    await user.type(next, "Book visits");
    await user.keyboard("{Control>}s{/Control}");
    expect(onSave.mock.calls[0]![0].sections.find((s) => s.id === "next")?.body).toBe("Book visits");
  });

  it("saves the title and sections with Ctrl+S and with Cmd+S", async () => {
    const { user, onSave } = renderEditor();
    const title = screen.getByRole("textbox", { name: /Title/ });
    await user.clear(title);
    await user.type(title, "Plan B");
    await user.keyboard("{Control>}s{/Control}");
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({ title: "Plan B", sections: successPlan.sections });

    await user.type(screen.getByRole("textbox", { name: "Risks" }), "!");
    await user.keyboard("{Meta>}s{/Meta}");
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(onSave.mock.calls[1]?.[0].sections[1]?.body).toBe(`${successPlan.sections[1]?.body}!`);
  });

  it("does not save an unchanged document from the shortcut", async () => {
    const { user, onSave } = renderEditor();
    screen.getByRole("textbox", { name: "Goals" }).focus();
    await user.keyboard("{Control>}s{/Control}");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("discards changes back to the saved text", async () => {
    const onDiscard = vi.fn();
    const { user } = renderEditor({ onDiscard });
    const goals = screen.getByRole("textbox", { name: "Goals" }) as HTMLTextAreaElement;
    await user.type(goals, " And more.");
    await user.click(button("Discard changes"));
    expect(goals.value).toBe(successPlan.sections[0]?.body);
    expect(onDiscard).toHaveBeenCalledTimes(1);
    expect(button("Save").disabled).toBe(true);
  });

  it("on a conflict shows the banner with Reload, keeps the draft and blocks Save", async () => {
    const onReload = vi.fn();
    const { user, onSave, rerender } = renderEditor({ onReload });
    await user.type(screen.getByRole("textbox", { name: "Next steps" }), "Mine");
    rerender(
      <DocumentEditor
        document={successPlan}
        onSave={onSave}
        onReload={onReload}
        conflict={{ message: "Lee Okafor saved version 4." }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Someone saved a newer version of this document. Reload to see it.");
    expect(alert.textContent).toContain("Lee Okafor saved version 4.");
    expect((screen.getByRole("textbox", { name: "Next steps" }) as HTMLTextAreaElement).value).toBe("Mine");
    expect(button("Save").disabled).toBe(true);
    await user.keyboard("{Control>}s{/Control}");
    expect(onSave).not.toHaveBeenCalled();
    await user.click(button("Reload"));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it("shows progress while saving and ignores a second save", async () => {
    const { user, onSave, rerender } = renderEditor();
    await user.type(screen.getByRole("textbox", { name: "Next steps" }), "x");
    await user.click(button("Save"));
    expect(onSave).toHaveBeenCalledTimes(1);
    rerender(<DocumentEditor document={successPlan} onSave={onSave} saving />);
    expect(button("Save").getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Saving…");
    await user.click(button("Save"));
    await user.keyboard("{Control>}s{/Control}");
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it("is read-only without textboxes or Save in readOnly mode", () => {
    renderEditor({ readOnly: true });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.getByRole("heading", { name: successPlan.title })).toBeTruthy();
    expect(screen.getByText("Nothing written yet.")).toBeTruthy();
  });

  it("shows an older version read-only with a note, and picks versions from the picker", async () => {
    const onSelectVersion = vi.fn<(version: number) => void>();
    const { user } = renderEditor({
      document: successPlanV2,
      versions: successPlanVersions,
      onSelectVersion,
    });
    expect(screen.getByRole("note").textContent).toContain(
      "You are viewing version 2 of 3. Older versions are read-only.",
    );
    expect(screen.queryByRole("textbox")).toBeNull();
    const picker = screen.getByRole("combobox", { name: "Version" }) as HTMLSelectElement;
    expect(picker.value).toBe("2");
    await user.selectOptions(picker, "1");
    expect(onSelectVersion).toHaveBeenLastCalledWith(1);
    await user.click(button("Back to the latest version"));
    expect(onSelectVersion).toHaveBeenLastCalledWith(3);
  });

  it("locks the version picker while there are unsaved changes", async () => {
    const { user } = renderEditor({ versions: successPlanVersions, onSelectVersion: vi.fn() });
    await user.type(screen.getByRole("textbox", { name: "Risks" }), "!");
    expect((screen.getByRole("combobox", { name: "Version" }) as HTMLSelectElement).disabled).toBe(true);
  });

  it("takes the new version's text when the document changes after a save", () => {
    const { rerender, onSave } = renderEditor();
    rerender(
      <DocumentEditor
        document={{ ...successPlan, version: 4, sections: [{ id: "goals", heading: "Goals", body: "New" }] }}
        onSave={onSave}
      />,
    );
    expect((screen.getByRole("textbox", { name: "Goals" }) as HTMLTextAreaElement).value).toBe("New");
    expect(screen.getByText(/Version 4 · edited/)).toBeTruthy();
  });
});
