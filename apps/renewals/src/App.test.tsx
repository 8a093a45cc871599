import { renewalQueries } from "@keel/client";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { pipelineFiltersOf } from "./features/renewals/PipelinePage.tsx";
import { renewalPage, renewalSummary } from "./test/fixtures.ts";
import { renderInShell } from "./test/render-app.tsx";

describe("Renewals routes", () => {
  it("links between its pages with real hrefs under the mount path", () => {
    renderInShell("/renewals", (queryClient) => {
      queryClient.setQueryData(
        renewalQueries.list(pipelineFiltersOf(new URLSearchParams())).queryKey,
        renewalPage([renewalSummary("Acme")]),
      );
      queryClient.setQueryData(renewalQueries.forecast().queryKey, { today: "2026-12-01", quarters: [] });
    });

    const tabs = screen.getByRole("navigation", { name: "Renewals pages" });
    const hrefs = [...tabs.querySelectorAll("a")].map((link) => [
      link.textContent,
      link.getAttribute("href"),
    ]);
    expect(hrefs).toEqual([
      ["Pipeline", "/renewals"],
      ["Yellow/Red review", "/renewals/review"],
      ["Quarterly forecast", "/renewals/forecast"],
      ["Forecast accuracy", "/renewals/accuracy"],
      ["Churn retros", "/renewals/retros"],
    ]);
    expect(screen.getByRole("link", { name: "Pipeline" }).getAttribute("aria-current")).toBe("page");
  });

  it("says so for a window it does not offer", () => {
    renderInShell("/renewals/by-window/next-45");
    expect(screen.getByText("Renewals has no page at this address")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to Renewals" }).getAttribute("href")).toBe("/renewals");
  });
});
