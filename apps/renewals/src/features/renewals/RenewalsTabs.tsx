import { PageTabs } from "@keel/app-kit";

/** The renewals app's pages. */
export function RenewalsTabs({ from }: { from: "index" | "page" }) {
  // Relative to the route (".." leaves a one-route page such as `review`): they work under
  // /renewals in the shell and /apps/renewals standalone.
  const root = from === "index" ? "." : "..";
  return (
    <PageTabs
      label="Renewals pages"
      tabs={[
        { to: root, label: "Pipeline", end: true },
        { to: `${root}/review`, label: "Yellow/Red review" },
        { to: `${root}/forecast`, label: "Quarterly forecast" },
        { to: `${root}/accuracy`, label: "Forecast accuracy" },
        { to: `${root}/retros`, label: "Churn retros" },
      ]}
    />
  );
}
