import type { HealthCategory, LifecycleStage } from "@keel/domain";
import { lifecycleStageLabels } from "@keel/domain";
import { composeStories } from "@storybook/react-vite";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { checkDocumentEditorStory } from "./components/DocumentEditor/DocumentEditor.storyCheck.ts";
import { healthCategoryLabels } from "./components/HealthBadge/HealthBadge.tsx";
import { checkNotificationBellStory } from "./components/NotificationBell/NotificationBell.storyCheck.ts";
import { checkProgressBarStory } from "./components/ProgressBar/ProgressBar.storyCheck.ts";
import { checkRecommendationListStory } from "./components/RecommendationList/RecommendationList.storyCheck.ts";
import { checkSourceTagStory } from "./components/SourceTag/SourceTag.storyCheck.ts";
import { checkStageTimelineStory } from "./components/StageTimeline/StageTimeline.storyCheck.ts";
import { checkTaskListStory } from "./components/TaskList/TaskList.storyCheck.ts";

/**
 * Renders every story of every component (running its play function, if any) and checks what
 * a user would see for that component. A new component without stories, or stories without a
 * check below, fails here rather than slipping through.
 */

type StoryArgs = Record<string, unknown>;
interface StoryCheck {
  name: string;
  args: StoryArgs;
}

type ComposableModule = Parameters<typeof composeStories>[0];
/** The parts of a composed story this test uses; composeStories cannot type a glob-imported module. */
interface RunnableStory {
  run: () => Promise<void>;
  args: StoryArgs;
}

const storyModules = import.meta.glob<ComposableModule>("./components/*/*.stories.tsx", { eager: true });
const componentFiles = Object.keys(import.meta.glob("./components/*/*.tsx")).filter(
  (path) => !/\.(stories|test)\.tsx$/.test(path) && !path.endsWith("/fixtures.tsx"),
);

function describedBy(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

function textArg(args: StoryArgs, key: string): string | undefined {
  const value = args[key];
  return typeof value === "string" ? value : undefined;
}

const moneyExpectations: Record<string, string> = {
  WholeAmount: "$120,000",
  WithCents: "$99.50",
  Compact: "$1.2M",
  Euro: "€45,000",
  PoundSterling: "£78,000.50",
  Missing: "—",
};

const dateExpectations: Record<string, string> = {
  CalendarDate: "Mar 31, 2026",
  Short: "3/31/26",
  Long: "March 31, 2026",
  Timestamp: "Jul 14, 2025",
  NotSet: "Not set",
};

/** Checks keyed by story title; each runs after the story (and its play function) has rendered. */
const checks: Record<string, (story: StoryCheck) => void> = {
  "Actions/Button": ({ name, args }) => {
    const buttons = screen.getAllByRole("button");
    if (name === "AllVariants") {
      expect(buttons.map((button) => button.textContent)).toEqual([
        "Primary",
        "Secondary",
        "Danger",
        "Ghost",
        "Saving…",
        "Disabled",
      ]);
      return;
    }
    const button = screen.getByRole("button", { name: textArg(args, "children") });
    expect(button.getAttribute("type")).toBe("button");
    expect(button.getAttribute("aria-busy")).toBe(args.loading ? "true" : null);
    expect((button as HTMLButtonElement).disabled).toBe(Boolean(args.disabled));
  },

  "Data/DataTable": ({ name, args }) => {
    const table = screen.getByRole("table", { name: textArg(args, "caption") });
    const rowHeaders = within(table).queryAllByRole("rowheader");
    if (args.loading) {
      expect(table.getAttribute("aria-busy")).toBe("true");
      expect(rowHeaders).toHaveLength(0);
      return;
    }
    if (args.error) {
      expect(within(table).getByRole("alert").textContent).toContain("did not answer in time");
      expect(within(table).getByRole("button", { name: "Retry" })).toBeTruthy();
      return;
    }
    const rows = name === "ServerSide" ? [] : ((args.rows as unknown[] | undefined) ?? []);
    if (name !== "ServerSide" && rows.length === 0) {
      expect(within(table).getByText(textArg(args, "emptyMessage") ?? /No .* yet/)).toBeTruthy();
      expect(rowHeaders).toHaveLength(0);
      return;
    }
    // The count in the caption must agree with the rows on screen.
    const count = table.querySelector(".keel-table__count")?.textContent ?? "";
    const match = /^(\d+)(?: of (\d+))? accounts?$/.exec(count);
    expect(match, `count caption "${count}"`).not.toBeNull();
    const shown = Number(match?.[1]);
    expect(rowHeaders).toHaveLength(shown);
    if (name !== "ServerSide") expect(Number(match?.[2] ?? match?.[1])).toBe(rows.length);
    if (shown === 0) expect(screen.getByRole("button", { name: "Clear filter" })).toBeTruthy();
    if (args.rowHref) {
      for (const header of rowHeaders)
        expect(within(header).getByRole("link").getAttribute("href")).toMatch(/^#\//);
    }
  },

  "Data display/HealthBadge": () => {
    const badges = document.querySelectorAll<HTMLElement>(".keel-health");
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      const category = /keel-health--(\w+)/.exec(badge.className)?.[1] as HealthCategory;
      // The category is always written out, not only shown as a colour.
      expect(badge.textContent).toContain(healthCategoryLabels[category]);
      if (category === "unknown") expect(badge.textContent).not.toMatch(/\d/);
    }
  },

  "Data display/TrendChart": ({ args }) => {
    const points = (args.points as Array<{ score: number | null; marker?: string }>) ?? [];
    if (points.length === 0) {
      expect(screen.queryByRole("img")).toBeNull();
      expect(screen.getByText(textArg(args, "emptyMessage") ?? "No history yet")).toBeTruthy();
      return;
    }
    const image = screen.getByRole("img");
    expect(image.getAttribute("aria-label")).toMatch(/over \d+ points?/);
    // Bands only where a policy gave them (H-3): the chart has none of its own.
    expect(document.querySelectorAll(".keel-trend__band")).toHaveLength(args.bands ? 3 : 0);
    // Every point is in the hidden table; every scored point is drawn; every marker is labelled.
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(points.length + 1);
    expect(document.querySelectorAll(".keel-trend__point")).toHaveLength(
      points.filter((point) => point.score !== null).length,
    );
    const markers = points.filter((point) => point.marker).map((point) => point.marker);
    expect(Array.from(document.querySelectorAll(".keel-trend__marker"), (m) => m.textContent)).toEqual(
      markers,
    );
    for (const marker of markers) expect(image.getAttribute("aria-label")).toContain(String(marker));
  },

  "Data display/StagePill": ({ args }) => {
    const pills = document.querySelectorAll<HTMLElement>(".keel-stage");
    expect(pills.length).toBeGreaterThan(0);
    for (const pill of pills) {
      const stage = /keel-stage--(\w+)/.exec(pill.className)?.[1] as LifecycleStage;
      expect(pill.textContent).toBe(lifecycleStageLabels[stage]);
    }
    if (pills.length === 1)
      expect(pills[0]?.textContent).toBe(lifecycleStageLabels[args.stage as LifecycleStage]);
  },

  "Layout/Card": ({ args }) => {
    const title = textArg(args, "title");
    if (title) {
      const region = screen.getByRole("region", { name: title });
      expect(within(region).getByRole("heading", { name: title })).toBeTruthy();
    } else {
      expect(screen.queryByRole("heading")).toBeNull();
      expect(document.querySelector(".keel-card__body")?.textContent).toContain("without a header");
    }
    if (args.actions) expect(screen.getAllByRole("button").length).toBeGreaterThan(0);
    if (args.footer) expect(screen.getByText(String(args.footer))).toBeTruthy();
  },

  "Layout/PageHeader": ({ args }) => {
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(textArg(args, "title"));
    const description = textArg(args, "description");
    if (description) expect(screen.getByText(description)).toBeTruthy();
    const crumbs = (args.breadcrumb as Array<{ label: string; href?: string }> | undefined) ?? [];
    const nav = screen.queryByRole("navigation", { name: "Breadcrumb" });
    if (crumbs.length === 0) {
      expect(nav).toBeNull();
    } else {
      const links = within(nav as HTMLElement).queryAllByRole("link");
      expect(links.map((link) => link.textContent)).toEqual(crumbs.filter((c) => c.href).map((c) => c.label));
    }
    if (!args.actions) expect(screen.queryAllByRole("button")).toHaveLength(0);
  },

  "Layout/Tabs": ({ args }) => {
    const tablist = screen.getByRole("tablist", { name: textArg(args, "label") });
    const selected = within(tablist)
      .getAllByRole("tab")
      .filter((tab) => tab.getAttribute("aria-selected") === "true");
    expect(selected).toHaveLength(1);
    const panel = screen.getByRole("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe(selected[0]?.id);
    if (args.defaultSelectedId === "tasks") expect(panel.textContent).toContain("Three open tasks");
  },

  "Feedback/Skeleton": ({ args }) => {
    const skeleton = document.querySelector<HTMLElement>(".keel-skeleton");
    expect(skeleton).not.toBeNull();
    const bars = skeleton?.querySelectorAll(".keel-skeleton__bar") ?? [];
    expect(bars).toHaveLength(args.variant === "block" ? 1 : Number(args.lines ?? 3));
    expect(screen.getByRole("status").textContent).toBe(textArg(args, "label") ?? "Loading…");
  },

  "Feedback/AsyncContent": ({ args }) => {
    const query = args.query as { data?: string[]; error?: Error; isPending: boolean; isFetching?: boolean };
    if (query.data && query.data.length > 0) {
      expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual(query.data);
    } else if (query.data) {
      expect(screen.getByText(String(args.emptyTitle))).toBeTruthy();
    } else if (query.error) {
      const alert = screen.getByRole("alert");
      expect(alert.textContent).toContain(String(args.errorTitle));
      expect(alert.textContent).toContain(query.error.message);
      const retry = within(alert).getByRole("button", { name: "Retry" });
      expect(retry.getAttribute("aria-busy")).toBe(query.isFetching ? "true" : null);
    } else {
      expect(screen.getByRole("status").textContent).toMatch(/^Loading/);
      expect(screen.queryByRole("listitem")).toBeNull();
    }
  },

  "Feedback/ErrorState": ({ args }) => {
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(textArg(args, "title") ?? "Something went wrong");
    const retry = within(alert).queryByRole("button", { name: "Retry" });
    if (args.onRetry) {
      expect(retry).not.toBeNull();
      expect(retry?.getAttribute("aria-busy")).toBe(args.retrying ? "true" : null);
    } else {
      expect(retry).toBeNull();
    }
  },

  "Feedback/EmptyState": ({ args }) => {
    expect(screen.getByText(String(args.title))).toBeTruthy();
    expect(screen.queryAllByRole("button")).toHaveLength(args.action ? 1 : 0);
  },

  "Feedback/Spinner": ({ args }) => {
    const spinner = document.querySelector(".keel-spinner");
    expect(spinner).not.toBeNull();
    const label = textArg(args, "label");
    if (label) expect(screen.getByRole("status").textContent).toBe(label);
    else expect(spinner?.getAttribute("aria-hidden")).toBe("true");
  },

  "Forms/Field": ({ args }) => {
    const control = screen.getByRole("textbox", { name: textArg(args, "label") });
    expect(describedBy(control)).toContain(textArg(args, "hint"));
    if (args.error) {
      expect(control.getAttribute("aria-invalid")).toBe("true");
      expect(describedBy(control)).toContain(textArg(args, "error"));
    }
  },

  "Forms/TextArea": ({ args }) => {
    const area = screen.getByRole("textbox", { name: textArg(args, "label") }) as HTMLTextAreaElement;
    expect(area.tagName).toBe("TEXTAREA");
    expect(area.disabled).toBe(Boolean(args.disabled));
    expect(area.required).toBe(Boolean(args.required));
    if (args.hint) expect(describedBy(area)).toContain(textArg(args, "hint"));
    if (args.error) {
      expect(area.getAttribute("aria-invalid")).toBe("true");
      expect(describedBy(area)).toContain(textArg(args, "error"));
    } else {
      expect(area.getAttribute("aria-invalid")).toBeNull();
    }
  },
  "Forms/TextInput": ({ args }) => {
    const role = args.type === "number" ? "spinbutton" : "textbox";
    const input = screen.getByRole(role, { name: textArg(args, "label") }) as HTMLInputElement;
    expect(input.disabled).toBe(Boolean(args.disabled));
    expect(input.required).toBe(Boolean(args.required));
    if (args.hint) expect(describedBy(input)).toContain(textArg(args, "hint"));
    if (args.error) {
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(describedBy(input)).toContain(textArg(args, "error"));
    } else {
      expect(input.getAttribute("aria-invalid")).toBeNull();
    }
  },

  "Forms/Select": ({ args }) => {
    const select = screen.getByRole("combobox", { name: textArg(args, "label") }) as HTMLSelectElement;
    const optionLabels = Array.from(select.options, (option) => option.textContent);
    const placeholder = textArg(args, "placeholder");
    expect(optionLabels).toEqual([
      ...(placeholder === undefined ? [] : [placeholder]),
      "0. Prospect",
      "1. Onboarding",
      "2. Adopting",
      "3. Nurturing",
      "4. Renewing",
    ]);
    if (args.error) expect(select.getAttribute("aria-invalid")).toBe("true");
  },

  "Format/Money": ({ name }) => {
    expect(document.querySelector(".keel-money")?.textContent).toBe(moneyExpectations[name]);
  },

  "Work/TaskList": checkTaskListStory,
  "Work/StageTimeline": checkStageTimelineStory,
  "Work/RecommendationList": checkRecommendationListStory,
  "Work/NotificationBell": checkNotificationBellStory,
  "Work/DocumentEditor": checkDocumentEditorStory,
  "Work/SourceTag": checkSourceTagStory,
  "Feedback/ProgressBar": checkProgressBarStory,

  "Format/DateText": ({ name, args }) => {
    const element = document.querySelector(".keel-date");
    expect(element?.textContent).toBe(dateExpectations[name]);
    if (args.value) expect(element?.tagName).toBe("TIME");
    if (args.value === "2026-03-31") expect(element?.getAttribute("datetime")).toBe("2026-03-31");
  },
};

describe("stories", () => {
  it("every component has a stories file and every stories file has a check", () => {
    const storyFiles = Object.keys(storyModules);
    for (const componentFile of componentFiles) {
      expect(storyFiles).toContain(componentFile.replace(/\.tsx$/, ".stories.tsx"));
    }
    for (const module of Object.values(storyModules)) {
      const title = (module.default as { title?: string }).title ?? "";
      expect(Object.keys(checks)).toContain(title);
    }
  });

  for (const [path, module] of Object.entries(storyModules)) {
    const title = (module.default as { title?: string }).title ?? path;
    const stories = Object.entries(composeStories(module)) as Array<[string, RunnableStory]>;
    describe(title, () => {
      it("has stories", () => {
        expect(stories.length).toBeGreaterThan(0);
      });
      for (const [name, Story] of stories) {
        it(`renders ${name}`, async () => {
          await Story.run();
          checks[title]?.({ name, args: Story.args });
        });
      }
    });
  }
});
