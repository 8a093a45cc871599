import type { ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";

/**
 * What AsyncContent reads. A TanStack Query result (`useQuery(…)`) fits as it is; anything else
 * can pass the same flags by hand.
 */
export interface AsyncStatus<Data> {
  data: Data | undefined;
  /** Why the load failed (a query's `error`). */
  error?: unknown;
  /** Nothing loaded yet (a query's `isPending`). */
  isPending: boolean;
  /** A load is in flight, e.g. the retry (a query's `isFetching`). */
  isFetching?: boolean;
  /** Loads again (a query's `refetch`): the error state offers Retry when given. */
  refetch?: () => unknown;
}

export interface AsyncContentProps<Data> {
  query: AsyncStatus<Data>;
  /** The loaded content. */
  children: (data: Data) => ReactNode;
  /** Stands in while loading; by default a skeleton of `skeletonLines` lines. */
  loading?: ReactNode;
  skeletonLines?: number;
  /** Announced while loading. */
  loadingLabel?: string;
  /** Heading of the error state, e.g. "Could not load the health score". */
  errorTitle?: ReactNode;
  /** Whether loaded data counts as empty; the empty state shows instead of `children` then. */
  isEmpty?: (data: Data) => boolean;
  emptyTitle?: ReactNode;
  emptyMessage?: ReactNode;
  /** The next step from the empty state, e.g. a button that creates the first record. */
  emptyAction?: ReactNode;
  /** Less padding, inside a card or a table cell. */
  compact?: boolean;
  className?: string;
}

/**
 * Loading, error and empty states designed once (STYLE.md "Frontend": never blank): a skeleton
 * while loading, the error with Retry when the load failed, an empty state when there is nothing,
 * the content otherwise. Data already on screen stays when a later refetch fails.
 */
export function AsyncContent<Data>({
  query,
  children,
  loading,
  skeletonLines = 3,
  loadingLabel = "Loading…",
  errorTitle = "Could not load this",
  isEmpty,
  emptyTitle = "Nothing here yet",
  emptyMessage,
  emptyAction,
  compact = false,
  className,
}: AsyncContentProps<Data>) {
  const { data, error, isPending, isFetching = false, refetch } = query;
  let content: ReactNode;
  if (data !== undefined) {
    content = isEmpty?.(data) ? (
      <EmptyState title={emptyTitle} message={emptyMessage} action={emptyAction} compact={compact} />
    ) : (
      children(data)
    );
  } else if (error) {
    content = (
      <ErrorState
        title={errorTitle}
        message={error instanceof Error ? error.message : undefined}
        onRetry={refetch ? () => void refetch() : undefined}
        retrying={isFetching}
        compact={compact}
      />
    );
  } else if (isPending) {
    content = loading ?? <Skeleton lines={skeletonLines} label={loadingLabel} />;
  } else {
    // Settled without data or error (a query that is turned off): nothing to show.
    content = <EmptyState title={emptyTitle} message={emptyMessage} action={emptyAction} compact={compact} />;
  }
  return <div className={cx("keel-async", className)}>{content}</div>;
}
