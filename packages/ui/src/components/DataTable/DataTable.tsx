import {
  type ComponentType,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useRef,
} from "react";
import { cx } from "../../internal/cx.ts";
import { useControllableState } from "../../internal/useControllableState.ts";
import { Button } from "../Button/Button.tsx";
import { EmptyState } from "../EmptyState/EmptyState.tsx";
import { ErrorState } from "../ErrorState/ErrorState.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";
import { TextInput } from "../TextInput/TextInput.tsx";
import { matchesFilter, nextSort, type SortState, type SortValue, sortRows } from "./sorting.ts";

export type { SortDirection, SortState, SortValue } from "./sorting.ts";

export interface DataTableColumn<Row> {
  /** Stable key; also the `columnId` in sort state. */
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable. Client mode sorts by it; server mode only needs it defined or `sortable`. */
  sortValue?: (row: Row) => SortValue;
  /** Makes the column searchable by the filter box (client mode). */
  filterValue?: (row: Row) => string | number | null | undefined;
  /** Overrides the sortability inferred from `sortValue` (e.g. server-sorted columns). */
  sortable?: boolean;
  /** "end" for numbers and money, so digits line up. */
  align?: "start" | "center" | "end";
  width?: CSSProperties["width"];
  /** Render this column's cells as row headers (<th scope="row">); defaults to the first column. */
  rowHeader?: boolean;
}

/** The props a `linkComponent` gets: render them on an anchor. */
export interface RowLinkProps {
  href: string;
  className: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
  children: ReactNode;
}

export interface RowNoun {
  one: string;
  other: string;
}

export interface DataTableProps<Row> {
  /** Names the table (<caption>), e.g. "Accounts". */
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowId: (row: Row) => string;
  /** Words for the row count: { one: "account", other: "accounts" }. */
  rowNoun?: RowNoun;

  /**
   * "client" (default) sorts and filters `rows` here. "server" shows `rows` as given and only
   * reports sort/filter changes, for lists whose query does the work.
   */
  mode?: "client" | "server";
  /** Server mode: how many rows match in total when `rows` is one page. */
  totalCount?: number;

  /** Controlled sort; `null` means "controlled, unsorted". Leave undefined for uncontrolled. */
  sort?: SortState | null;
  defaultSort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Controlled filter text. Leave undefined for uncontrolled. */
  filter?: string;
  defaultFilter?: string;
  onFilterChange?: (filter: string) => void;
  /** Show the filter box. Default: when a column has `filterValue` (client) or `onFilterChange` is set (server). */
  filterable?: boolean;
  filterPlaceholder?: string;

  /** First load: skeleton rows in place of data. */
  loading?: boolean;
  skeletonRows?: number;
  /** Any truthy value shows the error state; an Error's or `{ message }`'s message is shown. */
  error?: unknown;
  errorTitle?: string;
  onRetry?: () => void;
  /** Shown when there are no rows at all. */
  emptyMessage?: ReactNode;
  /** E.g. a button that creates the first row. */
  emptyAction?: ReactNode;
  /** Shown when rows exist but none match the filter. */
  noMatchMessage?: (filter: string) => ReactNode;

  /** Row activation by click anywhere on the row, or Enter on the focused row / row link. */
  onRowClick?: (row: Row) => void;
  /**
   * Renders the row header cell as a real link, so open-in-new-tab and copy-link work. With
   * `onRowClick` too, a plain click calls `onRowClick` (client-side navigation) and a
   * modified click (Ctrl/⌘/Shift/middle) keeps the browser's behaviour.
   */
  rowHref?: (row: Row) => string;
  /**
   * What renders a row link: a plain `<a>` by default; an app with a client-side router passes
   * an anchor that navigates with it (e.g. React Router's `<Link to={href}>`), so a plain click
   * on the row or its link moves within the app and a modified click still opens a new tab.
   */
  linkComponent?: ComponentType<RowLinkProps>;

  /** Extra controls at the right of the filter box. */
  toolbar?: ReactNode;
  density?: "comfortable" | "compact";
  className?: string;
}

function PlainRowLink({ href, className, onClick, children }: RowLinkProps) {
  return (
    <a className={className} href={href} onClick={onClick}>
      {children}
    </a>
  );
}

const interactiveSelector =
  "a, button, input, select, textarea, label, summary, [role='button'], [role='link']";

function errorMessageOf(error: unknown): string | undefined {
  if (typeof error === "string") return error;
  if (
    typeof error === "object" &&
    error !== null &&
    "message" in error &&
    typeof error.message === "string"
  ) {
    return error.message;
  }
  return undefined;
}

function countLabel(count: number, noun: RowNoun): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun.one : noun.other}`;
}

const alignClass = { start: undefined, center: "keel-align-center", end: "keel-align-end" } as const;
const sortIcon = { asc: "▲", desc: "▼" } as const;

export function DataTable<Row>({
  caption,
  columns,
  rows,
  getRowId,
  rowNoun = { one: "row", other: "rows" },
  mode = "client",
  totalCount,
  sort: sortProp,
  defaultSort = null,
  onSortChange,
  filter: filterProp,
  defaultFilter = "",
  onFilterChange,
  filterable,
  filterPlaceholder,
  loading = false,
  skeletonRows = 5,
  error,
  errorTitle = `Could not load ${rowNoun.other}`,
  onRetry,
  emptyMessage,
  emptyAction,
  noMatchMessage,
  onRowClick,
  rowHref,
  linkComponent: RowLink = PlainRowLink,
  toolbar,
  density = "comfortable",
  className,
}: DataTableProps<Row>) {
  const filterInputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [sort, setSort] = useControllableState<SortState | null>(
    sortProp,
    defaultSort,
    useCallback(
      (next: SortState | null) => {
        if (next) onSortChange?.(next);
      },
      [onSortChange],
    ),
  );
  const [filter, setFilter] = useControllableState(filterProp, defaultFilter, onFilterChange);

  const filterColumns = useMemo(() => columns.filter((column) => column.filterValue), [columns]);
  const showFilter =
    filterable ?? (mode === "server" ? onFilterChange !== undefined : filterColumns.length > 0);
  const filterActive = filter.trim() !== "";
  const rowHeaderId = (columns.find((column) => column.rowHeader) ?? columns[0])?.id;

  const visibleRows = useMemo(() => {
    if (mode === "server") return rows;
    let result: readonly Row[] = rows;
    if (filterActive && filterColumns.length > 0) {
      result = result.filter((row) =>
        matchesFilter(
          filterColumns.map((column) => String(column.filterValue?.(row) ?? "")),
          filter,
        ),
      );
    }
    const sortColumn = sort ? columns.find((column) => column.id === sort.columnId) : undefined;
    if (sort && sortColumn?.sortValue) result = sortRows(result, sortColumn.sortValue, sort.direction);
    return result;
  }, [mode, rows, filterActive, filterColumns, filter, sort, columns]);

  const hasError = error !== undefined && error !== null && error !== false;
  const total = mode === "server" ? (totalCount ?? rows.length) : rows.length;
  const isEmpty = rows.length === 0 && (mode === "client" || !filterActive);

  let countText = "";
  if (loading) countText = "Loading…";
  else if (!hasError) {
    countText =
      visibleRows.length === total
        ? countLabel(total, rowNoun)
        : `${visibleRows.length.toLocaleString("en-US")} of ${countLabel(total, rowNoun)}`;
  }

  const clearFilter = () => {
    setFilter("");
    // The "Clear filter" button disappears with the no-match state; keep focus somewhere useful.
    filterInputRef.current?.focus();
  };

  const activateRow = (event: MouseEvent<HTMLTableRowElement>, row: Row) => {
    const target = event.target as Element;
    // Controls inside a cell (a row link, a menu button, a checkbox) handle their own clicks,
    // and a drag that selects text is not a click on the row.
    if (target.closest(interactiveSelector)) return;
    if (window.getSelection()?.toString()) return;
    if (onRowClick) onRowClick(row);
    else event.currentTarget.querySelector<HTMLAnchorElement>("a.keel-table__row-link")?.click();
  };

  const rowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row) => {
    if (event.key !== "Enter" || event.target !== event.currentTarget || !onRowClick) return;
    event.preventDefault();
    onRowClick(row);
  };

  const linkClick = (event: MouseEvent<HTMLAnchorElement>, row: Row) => {
    if (!onRowClick) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onRowClick(row);
  };

  const stateRow = (content: ReactNode) => (
    <tr>
      <td colSpan={Math.max(columns.length, 1)} className="keel-table__state-cell">
        {content}
      </td>
    </tr>
  );

  const rowLink = (href: string, content: ReactNode, row: Row) => (
    <RowLink className="keel-table__row-link" href={href} onClick={(event) => linkClick(event, row)}>
      {content}
    </RowLink>
  );

  let body: ReactNode;
  if (loading) {
    body = Array.from({ length: skeletonRows }, (_, rowIndex) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity and never reorder.
      <tr key={rowIndex} className="keel-table__skeleton-row">
        {columns.map((column, columnIndex) => (
          <td key={column.id} className={alignClass[column.align ?? "start"]}>
            {/* Varying widths read as text; identical bars read as a broken layout. */}
            <Skeleton lines={1} label={null} width={`${55 + ((rowIndex * 7 + columnIndex * 13) % 40)}%`} />
          </td>
        ))}
      </tr>
    ));
  } else if (hasError) {
    body = stateRow(
      <ErrorState compact title={errorTitle} message={errorMessageOf(error)} onRetry={onRetry} />,
    );
  } else if (isEmpty) {
    body = stateRow(
      <EmptyState compact title={emptyMessage ?? `No ${rowNoun.other} yet`} action={emptyAction} />,
    );
  } else if (visibleRows.length === 0) {
    body = stateRow(
      <EmptyState
        compact
        title={noMatchMessage ? noMatchMessage(filter) : `No ${rowNoun.other} match “${filter.trim()}”`}
        message="Try fewer or different words."
        action={
          <Button size="sm" onClick={clearFilter}>
            Clear filter
          </Button>
        }
      />,
    );
  } else {
    body = visibleRows.map((row) => {
      const href = rowHref?.(row);
      const interactive = onRowClick !== undefined || href !== undefined;
      // Without a link to tab to, the row itself takes focus so Enter can activate it.
      const focusableRow = onRowClick !== undefined && href === undefined;
      return (
        <tr
          key={getRowId(row)}
          className={cx(interactive && "keel-table__row--interactive")}
          // The row keeps its table semantics for screen readers; only focus is added.
          tabIndex={focusableRow ? 0 : undefined}
          onClick={interactive ? (event) => activateRow(event, row) : undefined}
          onKeyDown={focusableRow ? (event) => rowKeyDown(event, row) : undefined}
        >
          {columns.map((column) => {
            const content = column.cell(row);
            const cellContent =
              href !== undefined && column.id === rowHeaderId ? rowLink(href, content, row) : content;
            const cellClass = alignClass[column.align ?? "start"];
            return column.id === rowHeaderId ? (
              <th key={column.id} scope="row" className={cellClass}>
                {cellContent}
              </th>
            ) : (
              <td key={column.id} className={cellClass}>
                {cellContent}
              </td>
            );
          })}
        </tr>
      );
    });
  }

  return (
    <div className={cx("keel-table", density === "compact" && "keel-table--compact", className)}>
      {(showFilter || toolbar !== undefined) && (
        <div className="keel-table__toolbar">
          {showFilter && (
            <TextInput
              ref={filterInputRef}
              type="search"
              label="Filter"
              fieldClassName="keel-table__filter"
              placeholder={filterPlaceholder ?? `Search ${rowNoun.other}`}
              value={filter}
              autoComplete="off"
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape" && filter !== "") {
                  event.preventDefault();
                  setFilter("");
                }
              }}
            />
          )}
          {toolbar !== undefined && <div className="keel-table__toolbar-extra">{toolbar}</div>}
        </div>
      )}
      <div className="keel-table__scroll">
        {/* Named by the title alone: the count would be noise every time a reader enters the table. */}
        <table className="keel-table__table" aria-labelledby={titleId} aria-busy={loading || undefined}>
          <caption className="keel-table__caption">
            <span id={titleId} className="keel-table__caption-title">
              {caption}
            </span>{" "}
            {/* Live, so filtering announces how many rows are left. */}
            <span className="keel-table__count" aria-live="polite">
              {countText}
            </span>
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sortable = column.sortable ?? column.sortValue !== undefined;
                const direction = sort?.columnId === column.id ? sort.direction : undefined;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={alignClass[column.align ?? "start"]}
                    style={column.width === undefined ? undefined : { width: column.width }}
                    aria-sort={
                      direction === undefined ? undefined : direction === "asc" ? "ascending" : "descending"
                    }
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="keel-table__sort"
                        onClick={() => setSort(nextSort(sort, column.id))}
                      >
                        {column.header}
                        <span className="keel-table__sort-icon" aria-hidden="true">
                          {direction === undefined ? "↕" : sortIcon[direction]}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}
