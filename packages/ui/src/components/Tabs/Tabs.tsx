import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";
import { cx } from "../../internal/cx.ts";
import { useControllableState } from "../../internal/useControllableState.ts";

export interface TabItem<Id extends string = string> {
  id: Id;
  label: ReactNode;
  /** Rendered only while the tab is selected, so hidden tabs do not fetch their data. */
  panel: ReactNode;
  /** A count beside the label, e.g. open tasks. */
  count?: number;
  disabled?: boolean;
}

export interface TabsProps<Id extends string = string> {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: readonly TabItem<Id>[];
  /** Controlled selection, e.g. from the URL. */
  selectedId?: Id;
  defaultSelectedId?: Id;
  onSelectedIdChange?: (id: Id) => void;
  className?: string;
}

export function Tabs<Id extends string = string>({
  label,
  tabs,
  selectedId: selectedIdProp,
  defaultSelectedId,
  onSelectedIdChange,
  className,
}: TabsProps<Id>) {
  const baseId = useId();
  const tabRefs = useRef(new Map<Id, HTMLButtonElement>());
  const firstEnabled = tabs.find((tab) => !tab.disabled)?.id;
  const [selectedId, setSelectedId] = useControllableState<Id | undefined>(
    selectedIdProp,
    defaultSelectedId ?? firstEnabled,
    (id) => {
      if (id !== undefined) onSelectedIdChange?.(id);
    },
  );
  const selected = tabs.find((tab) => tab.id === selectedId) ?? tabs.find((tab) => tab.id === firstEnabled);
  const enabledTabs = tabs.filter((tab) => !tab.disabled);

  // WAI-ARIA tabs pattern with automatic activation: arrows move and select, Home/End jump.
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selected || enabledTabs.length === 0) return;
    const index = enabledTabs.findIndex((tab) => tab.id === selected.id);
    let next: TabItem<Id> | undefined;
    if (event.key === "ArrowRight") next = enabledTabs[(index + 1) % enabledTabs.length];
    else if (event.key === "ArrowLeft")
      next = enabledTabs[(index - 1 + enabledTabs.length) % enabledTabs.length];
    else if (event.key === "Home") next = enabledTabs[0];
    else if (event.key === "End") next = enabledTabs[enabledTabs.length - 1];
    if (!next) return;
    event.preventDefault();
    setSelectedId(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  const tabId = (id: Id) => `${baseId}-tab-${id}`;
  const panelId = (id: Id) => `${baseId}-panel-${id}`;

  return (
    <div className={cx("keel-tabs", className)}>
      <div role="tablist" aria-label={label} className="keel-tabs__list" onKeyDown={handleKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected?.id;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) tabRefs.current.set(tab.id, node);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(tab.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              disabled={tab.disabled}
              className="keel-tabs__tab"
              onClick={() => setSelectedId(tab.id)}
            >
              {tab.label}
              {tab.count !== undefined && <span className="keel-tabs__count">{tab.count}</span>}
            </button>
          );
        })}
      </div>
      {selected && (
        <div
          role="tabpanel"
          id={panelId(selected.id)}
          aria-labelledby={tabId(selected.id)}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the APG tabs pattern makes the panel focusable so keyboard users can reach content without focusable children
          tabIndex={0}
          className="keel-tabs__panel"
        >
          {selected.panel}
        </div>
      )}
    </div>
  );
}
