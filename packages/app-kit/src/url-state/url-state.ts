import type { SortState } from "@keel/ui";
import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * A list's view lives in the URL's search params (filters, sort, page), so a manager can share
 * exactly what they see as a link and the back button undoes a change of view. Updates replace
 * the history entry: typing in a filter box is not a page visit.
 */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          if (value === null || value === "") next.delete(name);
          else next.set(name, value);
          // A new filter or sort starts again from the first page.
          if (name !== "page") next.delete("page");
          return next;
        },
        { replace: true },
      ),
    [name, setSearchParams],
  );
  return [searchParams.get(name), set];
}

/** A yes/no filter ("Mine only") as `?name=1`. */
export function useUrlFlag(name: string): [boolean, (on: boolean) => void] {
  const [value, setValue] = useUrlParam(name);
  return [value === "1", (on: boolean) => setValue(on ? "1" : null)];
}

/** The sort in `?sort=<column>&dir=asc|desc`; the default leaves the URL clean. */
export function sortFromParams(params: URLSearchParams, defaultSort: SortState): SortState {
  const columnId = params.get("sort");
  if (!columnId) return defaultSort;
  return { columnId, direction: params.get("dir") === "desc" ? "desc" : "asc" };
}

/** Controlled sort and filter props for a DataTable, kept in the URL (`sort`, `dir`, `q`). */
export function useTableUrlState(defaultSort: SortState) {
  const [searchParams, setSearchParams] = useSearchParams();
  const sort = sortFromParams(searchParams, defaultSort);
  const filter = searchParams.get("q") ?? "";

  const onSortChange = useCallback(
    (next: SortState) =>
      setSearchParams(
        (params) => {
          const updated = new URLSearchParams(params);
          const isDefault =
            next.columnId === defaultSort.columnId && next.direction === defaultSort.direction;
          if (isDefault) {
            updated.delete("sort");
            updated.delete("dir");
          } else {
            updated.set("sort", next.columnId);
            updated.set("dir", next.direction);
          }
          return updated;
        },
        { replace: true },
      ),
    [defaultSort.columnId, defaultSort.direction, setSearchParams],
  );

  const onFilterChange = useCallback(
    (next: string) =>
      setSearchParams(
        (params) => {
          const updated = new URLSearchParams(params);
          if (next === "") updated.delete("q");
          else updated.set("q", next);
          return updated;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return { sort, onSortChange, filter, onFilterChange };
}
