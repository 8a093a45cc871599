import type { ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { Button } from "../Button/Button.tsx";

export interface ErrorStateProps {
  title?: ReactNode;
  /** What failed and, where known, what to do about it (e.g. the API error's message). */
  message?: ReactNode;
  /** Shows a "Retry" button that calls this. */
  onRetry?: () => void;
  retryLabel?: string;
  /** The retry is in flight: the button shows progress and ignores further clicks. */
  retrying?: boolean;
  /** Less padding, for use inside a table or a small card. */
  compact?: boolean;
  className?: string;
}

export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retryLabel = "Retry",
  retrying = false,
  compact = false,
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cx("keel-state", "keel-state--error", compact && "keel-state--compact", className)}
    >
      <span className="keel-state__icon" aria-hidden="true">
        !
      </span>
      <p className="keel-state__title">{title}</p>
      {message !== undefined && <p className="keel-state__message">{message}</p>}
      {onRetry && (
        <div className="keel-state__action">
          <Button size="sm" onClick={onRetry} loading={retrying}>
            {retryLabel}
          </Button>
        </div>
      )}
    </div>
  );
}
