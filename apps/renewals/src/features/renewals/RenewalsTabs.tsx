import { PageTabs } from "@keel/app-kit";
import { renewalWindowDays, renewalWindowSlug } from "@keel/domain";

/** The renewals app's pages: the pipeline, and one page per look-ahead window. */
export function RenewalsTabs({ from }: { from: "index" | "window" }) {
  // Relative to the route (".." leaves by-window/:window): they work under /renewals in the shell and /apps/renewals standalone.
  const root = from === "index" ? "." : "..";
  return (
    <PageTabs
      label="Renewals pages"
      tabs={[
        { to: root, label: "Pipeline", end: true },
        ...renewalWindowDays.map((days) => ({
          to: `${root}/by-window/${renewalWindowSlug(days)}`,
          label: `Next ${days} days`,
        })),
      ]}
    />
  );
}
