import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccountSectionComponent } from "./load-remote-app.ts";
import { RemoteSection } from "./RemoteApp.tsx";

function RenewalSection({ accountId }: { accountId: string }) {
  return <p>Renews soon: {accountId}</p>;
}

describe("RemoteSection", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("one team's section failing leaves the others, and retries on its own", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failingOnce = vi
      .fn<(attempt: number) => Promise<AccountSectionComponent>>()
      .mockRejectedValueOnce(new Error("Failed to fetch dynamically imported module"))
      .mockResolvedValueOnce(() => <p>Flagged red</p>);
    render(
      <>
        <RemoteSection
          appLabel="Renewals"
          load={async () => RenewalSection}
          sectionProps={{ accountId: "a1" }}
        />
        <RemoteSection appLabel="Lighthouse" load={failingOnce} sectionProps={{ accountId: "a1" }} />
      </>,
    );

    expect(await screen.findByText("Renews soon: a1")).toBeTruthy();
    expect(await screen.findByText("The Lighthouse section could not be loaded")).toBeTruthy();
    expect(screen.getByText("The rest of this page still works.")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Flagged red")).toBeTruthy();
    expect(failingOnce).toHaveBeenLastCalledWith(1);
  });
});
