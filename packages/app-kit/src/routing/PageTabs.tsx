import { NavLink } from "react-router";
import "./routing.css";

export interface PageTab {
  /** Relative to the route that renders the tabs, like any React Router link. */
  to: string;
  label: string;
  /** Only this exact path marks the tab current (the app's index page). */
  end?: boolean;
}

/** The pages of a team app, as real links; the current one is marked for assistive tech. */
export function PageTabs({ label, tabs }: { label: string; tabs: readonly PageTab[] }) {
  return (
    <nav aria-label={label} className="keel-page-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="keel-page-tabs__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
