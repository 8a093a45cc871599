import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { SourceTag, sourceLabel } from "./SourceTag.tsx";

const playbook = {
  kind: "playbook" as const,
  playbookId: "onboarding",
  playbookVersion: 3,
  ruleId: "P-1",
  reason: "Entered onboarding on Mar 10.",
};

describe("SourceTag", () => {
  it("names the playbook rule, with the reason as tooltip and behind Why?", async () => {
    const user = userEvent.setup();
    render(<SourceTag origin={playbook} />);
    const tag = screen.getByText("Playbook · P-1");
    expect(tag.getAttribute("title")).toBe("Entered onboarding on Mar 10. (playbook onboarding v3)");
    const details = screen.getByText("Why?").closest("details");
    expect(details?.open).toBe(false);
    await user.click(screen.getByText("Why?"));
    expect(details?.open).toBe(true);
    expect(details?.textContent).toContain("Entered onboarding on Mar 10. Playbook onboarding, version 3.");
  });

  it("says who added a record by hand", () => {
    render(<SourceTag origin={{ kind: "person", createdBy: { id: "u1", name: "Dana Scott" } }} />);
    expect(screen.getByText("Added by Dana Scott")).toBeTruthy();
    expect(screen.queryByText("Why?")).toBeNull();
    expect(sourceLabel({ kind: "person", createdBy: null })).toBe("Added manually");
  });
});
