import { useSession } from "@keel/app-kit";
import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { isNavItemCurrent, navGroups, visibleNavGroups } from "./nav-groups.ts";
import "./main-nav.css";

/**
 * The shell's main navigation: one disclosure per group (a button that shows its links), on one
 * line from 1280 px up; below that, one "Menu" button opens all groups as a stacked panel. Every
 * destination is a real link. Escape, a click elsewhere or following a link closes what is open.
 */
export function MainNav() {
  const { permissions } = useSession();
  const { pathname } = useLocation();
  const groups = visibleNavGroups(navGroups, permissions);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const idPrefix = useId();

  // Following a link (or the back button) closes whatever was open.
  useEffect(() => {
    setOpenGroup(null);
    setMenuOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (openGroup === null && !menuOpen) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (navRef.current && !navRef.current.contains(event.target as Node)) {
        setOpenGroup(null);
        setMenuOpen(false);
      }
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [openGroup, menuOpen]);

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || (openGroup === null && !menuOpen)) return;
    event.preventDefault();
    const button = openGroup
      ? navRef.current?.querySelector<HTMLButtonElement>(`[data-group="${openGroup}"]`)
      : navRef.current?.querySelector<HTMLButtonElement>(".shell-nav__menu-button");
    if (openGroup) setOpenGroup(null);
    else setMenuOpen(false);
    button?.focus();
  };

  // Tabbing out of the navigation closes an open group, as a click elsewhere does.
  const closeOnFocusOut = (event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) {
      setOpenGroup(null);
      setMenuOpen(false);
    }
  };

  const menuId = `${idPrefix}-menu`;
  return (
    <nav
      ref={navRef}
      aria-label="Main"
      className="shell-nav"
      data-menu-open={menuOpen || undefined}
      onKeyDown={closeOnEscape}
      onBlur={closeOnFocusOut}
    >
      <button
        type="button"
        className="shell-nav__menu-button"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <ul id={menuId} className="shell-nav__groups">
        {groups.map((group) => {
          const open = openGroup === group.id;
          const current = group.items.some((item) => isNavItemCurrent(item, pathname));
          const listId = `${idPrefix}-${group.id}`;
          return (
            <li key={group.id} className="shell-nav__group" data-current={current || undefined}>
              <button
                type="button"
                className="shell-nav__group-button"
                data-group={group.id}
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setOpenGroup(open ? null : group.id)}
              >
                {group.label}
                {current && <span className="keel-visually-hidden"> (current section)</span>}
                <span className="shell-nav__chevron" aria-hidden="true">
                  ▾
                </span>
              </button>
              <ul id={listId} className="shell-nav__links" hidden={!open}>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="shell-nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
