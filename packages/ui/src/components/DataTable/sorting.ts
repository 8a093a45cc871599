export type SortDirection = "asc" | "desc";

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export type SortValue = string | number | boolean | Date | null | undefined;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function isMissing(value: SortValue): value is null | undefined | "" {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (typeof value === "number" && Number.isNaN(value))
  );
}

function comparable(value: string | number | boolean | Date): string | number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * Compares two sort values in the given direction. Missing values sort last in both
 * directions: a renewal list sorted by date should never open on a screen of blanks.
 */
export function compareSortValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  const aMissing = isMissing(a);
  const bMissing = isMissing(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const left = comparable(a);
  const right = comparable(b);
  let order: number;
  if (typeof left === "number" && typeof right === "number") order = left - right;
  else order = collator.compare(String(left), String(right));
  return direction === "asc" ? order : -order;
}

/** A stable sort (Array.prototype.sort is stable), so equal keys keep the caller's order. */
export function sortRows<Row>(
  rows: readonly Row[],
  sortValue: (row: Row) => SortValue,
  direction: SortDirection,
): Row[] {
  const keyed = rows.map((row) => ({ row, key: sortValue(row) }));
  keyed.sort((a, b) => compareSortValues(a.key, b.key, direction));
  return keyed.map((entry) => entry.row);
}

/** Header activation: a new column starts ascending, the sorted column flips. */
export function nextSort(current: SortState | null, columnId: string): SortState {
  if (current?.columnId === columnId) {
    return { columnId, direction: current.direction === "asc" ? "desc" : "asc" };
  }
  return { columnId, direction: "asc" };
}

/**
 * Every whitespace-separated term must appear (case- and accent-insensitively) in at least
 * one filterable column, so "acme red" finds Acme's red accounts.
 */
export function matchesFilter(values: readonly string[], filter: string): boolean {
  const terms = normalize(filter).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystacks = values.map(normalize);
  return terms.every((term) => haystacks.some((value) => value.includes(term)));
}

function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}
