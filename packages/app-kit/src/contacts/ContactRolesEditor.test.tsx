import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ContactRolesEditor } from "./ContactRolesEditor.tsx";

describe("ContactRolesEditor", () => {
  it("offers the seven C-1 roles with the contact's current ones ticked", () => {
    render(
      <ContactRolesEditor
        contactName="Ana Diaz"
        initialRoles={["champion"]}
        onSave={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getAllByRole("checkbox")).toHaveLength(7);
    expect((screen.getByLabelText("Champion") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Economic Buyer") as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("group", { name: "Roles of Ana Diaz" })).toBeTruthy();
  });

  it("saves the ticked roles in the canonical order", async () => {
    const onSave = vi.fn();
    render(
      <ContactRolesEditor
        contactName="Ana Diaz"
        initialRoles={["champion"]}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );

    await userEvent.click(screen.getByLabelText("Program Contact"));
    await userEvent.click(screen.getByLabelText("Instance Admin"));
    await userEvent.click(screen.getByLabelText("Champion"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(onSave).toHaveBeenCalledWith(["instance-admin", "program-contact"]);
  });

  it("cancels with the button or Escape, and shows why a save failed", async () => {
    const onCancel = vi.fn();
    render(
      <ContactRolesEditor
        contactName="Ana Diaz"
        initialRoles={[]}
        onSave={() => {}}
        onCancel={onCancel}
        message="Someone else changed this contact; reloaded"
      />,
    );
    expect(screen.getByRole("alert").textContent).toBe("Someone else changed this contact; reloaded");

    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await userEvent.keyboard("{Escape}");

    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
