/** One link of the main navigation; `permission` hides it from those without it (SPEC §1). */
export interface NavItem {
  to: string;
  label: string;
  /** Only this exact path is "here" (My book at /, not every page under it). */
  end?: boolean;
  permission?: string;
}

export interface NavGroup {
  id: string;
  label: string;
  items: readonly NavItem[];
}

/**
 * The main navigation in four groups, so it fits one line at 1280 px for every role: your own
 * work, the team apps, the cross-team views, and the admin's tools.
 */
export const navGroups: readonly NavGroup[] = [
  {
    id: "work",
    label: "My work",
    items: [
      { to: "/", label: "My book", end: true },
      { to: "/tasks", label: "My tasks" },
      { to: "/notifications", label: "Notifications" },
    ],
  },
  {
    id: "teams",
    label: "Teams",
    items: [
      { to: "/renewals", label: "Renewals" },
      { to: "/lighthouse", label: "Lighthouse" },
      { to: "/adoption", label: "Adoption" },
      { to: "/contacts", label: "Contacts" },
    ],
  },
  {
    id: "insights",
    label: "Insights",
    items: [
      { to: "/health/changes", label: "Health changes" },
      { to: "/compliance", label: "Compliance", permission: "report.viewTeam" },
    ],
  },
  {
    id: "admin",
    label: "Admin",
    items: [
      { to: "/playbooks", label: "Playbooks" },
      { to: "/health/policies", label: "Health policy", permission: "policy.editDraft" },
    ],
  },
];

/** The groups as this user sees them: items they may not use are left out, empty groups too. */
export function visibleNavGroups(groups: readonly NavGroup[], permissions: readonly string[]): NavGroup[] {
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.permission || permissions.includes(item.permission)),
    }))
    .filter((group) => group.items.length > 0);
}

/** Whether `pathname` is one of the item's pages. */
export function isNavItemCurrent(item: NavItem, pathname: string): boolean {
  if (item.end || item.to === "/") return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
