import { useCallback, useEffect, useId, useRef } from "react";
import type { DateInput } from "../../format/date.ts";
import { formatDate } from "../../format/date.ts";
import { cx } from "../../internal/cx.ts";
import { useControllableState } from "../../internal/useControllableState.ts";
import { Button } from "../Button/Button.tsx";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";
import { relativeTime } from "./relativeTime.ts";

export interface NotificationItem {
  id: number;
  message: string;
  accountId: string | null;
  accountName: string | null;
  ruleId: string | null;
  reason: string | null;
  /** ISO timestamp. */
  createdAt: string;
  readAt: string | null;
}

export interface NotificationBellProps {
  /** Unread count from the server (may exceed the items loaded). */
  unread: number;
  items: readonly NotificationItem[];
  loading?: boolean;
  error?: Error | string | null;
  onRetry?: () => void;
  /** Controlled open state; leave undefined to let the bell manage it. */
  open?: boolean;
  defaultOpen?: boolean;
  /** Called on every open and close, e.g. to fetch the list when the panel opens. */
  onOpenChange?: (open: boolean) => void;
  onMarkAllRead?: () => void;
  /** "Mark all read" is in flight. */
  markingAllRead?: boolean;
  /** A notification was chosen; the caller navigates (and marks it read). The panel closes. */
  onOpen?: (item: NotificationItem) => void;
  /** "Now" for relative times; defaults to the clock. */
  now?: DateInput;
  className?: string;
}

/** "3", or "99+" so the badge never outgrows the bell. */
export function unreadBadgeText(unread: number): string | null {
  if (!Number.isFinite(unread) || unread <= 0) return null;
  return unread > 99 ? "99+" : String(Math.floor(unread));
}

function BellIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M10 2.5a5 5 0 0 0-5 5v2.8L3.6 13a.75.75 0 0 0 .65 1.1h11.5a.75.75 0 0 0 .65-1.1L15 10.3V7.5a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The bell in the app header with its popover list (a non-modal dialog). */
export function NotificationBell({
  unread,
  items,
  loading = false,
  error,
  onRetry,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  onMarkAllRead,
  markingAllRead = false,
  onOpen,
  now,
  className,
}: NotificationBellProps) {
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const badge = unreadBadgeText(unread);

  // Keyboard users land in the panel when it opens, so they hear what it is and can Tab through it.
  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  // A click anywhere outside closes the panel (focus stays where the user clicked).
  useEffect(() => {
    if (!open) return;
    const handlePointer = (event: MouseEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("mousedown", handlePointer);
    return () => document.removeEventListener("mousedown", handlePointer);
  }, [open, setOpen]);

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, [setOpen]);

  // Escape closes from anywhere while open (the panel is not modal, so focus may be elsewhere).
  useEffect(() => {
    if (!open) return;
    const handleKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, [open, close]);

  const renderBody = () => {
    if (loading)
      return <Skeleton lines={3} label="Loading notifications…" className="keel-notifications__loading" />;
    if (error)
      return (
        <ErrorState
          compact
          title="Could not load notifications"
          message={typeof error === "string" ? error : error.message}
          onRetry={onRetry}
        />
      );
    if (items.length === 0)
      return <EmptyState compact title="You're all caught up" message="No notifications yet." />;
    return (
      <ul className="keel-notifications__list">
        {items.map((item) => {
          const isUnread = item.readAt === null;
          const content = (
            <>
              <span className="keel-notifications__dot" aria-hidden="true" />
              <span className="keel-notifications__text">
                {isUnread && <span className="keel-visually-hidden">Unread: </span>}
                <span className="keel-notifications__message">{item.message}</span>
                <span className="keel-notifications__meta">
                  {item.accountName && <span>{item.accountName}</span>}
                  <time dateTime={item.createdAt} title={formatDate(item.createdAt, { style: "long" })}>
                    {relativeTime(item.createdAt, now)}
                  </time>
                </span>
              </span>
            </>
          );
          return (
            <li
              key={item.id}
              className={cx("keel-notifications__item", isUnread && "keel-notifications__item--unread")}
            >
              {onOpen ? (
                <button
                  type="button"
                  className="keel-notifications__open"
                  onClick={() => {
                    onOpen(item);
                    close();
                  }}
                >
                  {content}
                </button>
              ) : (
                <div className="keel-notifications__open">{content}</div>
              )}
              {item.reason && (
                <details className="keel-notifications__why">
                  <summary>
                    Why? <span className="keel-visually-hidden">({item.message})</span>
                  </summary>
                  <p>
                    {item.ruleId && <span className="keel-rule-chip">{item.ruleId}</span>} {item.reason}
                  </p>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div ref={rootRef} className={cx("keel-notifications", className)}>
      <button
        ref={buttonRef}
        type="button"
        className="keel-notifications__bell"
        aria-label={badge ? `Notifications, ${unread} unread` : "Notifications"}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {badge && (
          <span className="keel-notifications__badge" aria-hidden="true">
            {badge}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          aria-busy={loading || undefined}
          tabIndex={-1}
          className="keel-notifications__panel"
        >
          <div className="keel-notifications__header">
            <h2 id={headingId} className="keel-notifications__title">
              Notifications
            </h2>
            {onMarkAllRead && (
              <Button
                size="sm"
                variant="ghost"
                onClick={onMarkAllRead}
                loading={markingAllRead}
                disabled={unread <= 0 || loading}
              >
                Mark all read
              </Button>
            )}
          </div>
          {renderBody()}
        </div>
      )}
    </div>
  );
}
