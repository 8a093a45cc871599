import { accountKeys, contactKeys } from "@keel/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STALE_CONTACT_MESSAGE } from "./role-save-error.ts";
import { type TaggableContact, useRoleTagging } from "./use-role-tagging.tsx";

const contact: TaggableContact = {
  id: "c0ffee00-0000-4000-8000-000000000001",
  accountId: "acc0ffee-0000-4000-8000-000000000002",
  name: "Ana Diaz",
  version: 4,
  roles: [],
};

function Row({ reload }: { reload: () => Promise<unknown> }) {
  const tagging = useRoleTagging<TaggableContact>({
    reload,
    savedNotice: (saved) => `Tagged ${saved.name} (${saved.roles.join(", ")})`,
  });
  return (
    <div>
      <p role="status">{tagging.notice}</p>
      {tagging.isEditing(contact) ? (
        tagging.editor(contact)
      ) : (
        <button type="button" onClick={() => tagging.start(contact)}>
          Tag roles
        </button>
      )}
    </div>
  );
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function renderRow(reload = vi.fn(async () => undefined)) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Row reload={reload} />
    </QueryClientProvider>,
  );
  return { queryClient, reload, user: userEvent.setup() };
}

describe("useRoleTagging (C-1)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("saves the roles with the contact's version as If-Match, closes the editor and says so", async () => {
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(answer(200, { ...contact, version: 5, roles: ["champion"] }));
    const { queryClient, user } = renderRow();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await user.click(screen.getByRole("button", { name: "Tag roles" }));
    await user.click(screen.getByLabelText("Champion"));
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Tagged Ana Diaz (champion)")).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Roles of Ana Diaz" })).toBeNull();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toContain(`/contacts/${contact.id}`);
    expect(new Headers(init?.headers).get("If-Match")).toBe('"4"');
    expect(JSON.parse(String(init?.body))).toEqual({ roles: ["champion"] });
    // Every contact list (the backlog) and the contact's account (its contacts card).
    expect(invalidate).toHaveBeenCalledWith({ queryKey: contactKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: accountKeys.detail(contact.accountId) });
  });

  it("keeps the editor open, says someone else changed the contact and reloads on 412", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      answer(412, { code: "precondition_failed", message: "Stale version" }),
    );
    const { reload, user } = renderRow();
    await user.click(screen.getByRole("button", { name: "Tag roles" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("alert")).textContent).toBe(STALE_CONTACT_MESSAGE);
    expect(screen.getByRole("group", { name: "Roles of Ana Diaz" })).toBeTruthy();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
