import { PageTabs } from "@keel/app-kit";

/** The Lighthouse app's pages. */
export function ProgramTabs({ from }: { from: "index" | "page" }) {
  // Relative to the route: they work under /lighthouse in the shell and /apps/lighthouse standalone.
  const root = from === "index" ? "." : "..";
  return (
    <PageTabs
      label="Lighthouse pages"
      tabs={[
        { to: root, label: "Master list", end: true },
        { to: `${root}/agenda`, label: "Sync agenda" },
        { to: `${root}/metrics`, label: "Program metrics" },
      ]}
    />
  );
}
