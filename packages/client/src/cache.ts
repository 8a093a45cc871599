import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Marks every query under these keys stale and refetches the ones on screen (by prefix: a key
 * covers everything below it in its hierarchy). The mutation factories return this promise
 * from `onSuccess`, so a caller's own `mutate(…, { onSuccess })` runs once the lists are fresh.
 */
export function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
    () => undefined,
  );
}

/** What a query from one of the factories resolves to (for typing rows, props). */
export type QueryData<Options extends { queryFn?: unknown }> = Awaited<
  ReturnType<Extract<NonNullable<Options["queryFn"]>, (...args: never[]) => unknown>>
>;

/** What a mutation from one of the factories answers (for typing results, props). */
export type MutationData<Options extends { mutationFn?: unknown }> = Awaited<
  ReturnType<Extract<NonNullable<Options["mutationFn"]>, (...args: never[]) => unknown>>
>;
