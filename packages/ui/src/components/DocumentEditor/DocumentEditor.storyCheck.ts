import { screen } from "@testing-library/react";
import { expect } from "vitest";
import type { DocumentVersionSummary, EditableDocument } from "./DocumentEditor.tsx";

/** For stories.test.tsx: what every "Work/DocumentEditor" story must show. */
export function checkDocumentEditorStory({ args }: { name: string; args: Record<string, unknown> }): void {
  // Render-only stories keep their own document; the version line is there either way.
  const meta = document.querySelector(".keel-doc__meta");
  expect(meta?.textContent).toMatch(/^Version \d+ · edited /);
  const shown = args.document as EditableDocument | undefined;
  if (!shown) return;
  const versions = (args.versions as DocumentVersionSummary[] | undefined) ?? [];
  const older = versions.some((summary) => summary.version > shown.version);
  if (args.readOnly || older) {
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    if (older) expect(screen.getByRole("note").textContent).toContain("Older versions are read-only");
  } else {
    // One textbox for the title, one per section.
    expect(screen.getAllByRole("textbox")).toHaveLength(shown.sections.length + 1);
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
  }
  if (args.conflict) expect(screen.getByRole("alert").textContent).toContain("Someone saved a newer version");
}
