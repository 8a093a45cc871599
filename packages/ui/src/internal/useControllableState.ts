import { useCallback, useState } from "react";

/**
 * State that a parent may own (controlled: `value` is defined) or leave to the component
 * (uncontrolled: starts at `defaultValue`). Lists fed by the server pass `value` so the query
 * key and the table never disagree; local lists pass nothing.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((next: T) => void) | undefined,
): [T, (next: T) => void] {
  const [internal, setInternal] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : internal;
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInternal(next);
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [current, set];
}
