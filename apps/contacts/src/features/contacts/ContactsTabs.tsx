import { PageTabs } from "@keel/app-kit";

/** The contacts app's pages: the C-4 data-quality lists. */
export function ContactsTabs({ from }: { from: "index" | "page" }) {
  // Relative to the route rendering the tabs: "." is the index from itself, ".." from a page.
  const root = from === "index" ? "." : "..";
  return (
    <PageTabs
      label="Contact data quality"
      tabs={[
        { to: root, label: "Missing roles", end: true },
        { to: `${root}/missing-email`, label: "Missing email" },
      ]}
    />
  );
}
