import type { ReactNode } from "react";
import { cx } from "../../internal/cx.ts";

export interface EmptyStateProps {
  title: ReactNode;
  message?: ReactNode;
  /** The next step, e.g. a button that creates the first record or clears a filter. */
  action?: ReactNode;
  icon?: ReactNode;
  compact?: boolean;
  className?: string;
}

export function EmptyState({ title, message, action, icon, compact = false, className }: EmptyStateProps) {
  return (
    <div className={cx("keel-state", "keel-state--empty", compact && "keel-state--compact", className)}>
      {icon !== undefined && (
        <span className="keel-state__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <p className="keel-state__title">{title}</p>
      {message !== undefined && <p className="keel-state__message">{message}</p>}
      {action !== undefined && <div className="keel-state__action">{action}</div>}
    </div>
  );
}
