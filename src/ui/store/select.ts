/**
 * Subscribing a component to the slice of the state it shows: `useStoreSelector(store, select)`
 * renders again only when that slice changes. A selector builds its slice afresh from each state,
 * so the slice is compared field by field with the previous one (sameSelection) and, when nothing
 * in it changed, the previous slice is returned: its identity is what memoised children and
 * useMemo compare.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { UiState } from './state';
import type { Store } from './store';

function isPlain(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Same values, or arrays and plain objects whose items are the same, `depth` levels down. */
function same(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i], depth - 1));
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k], depth - 1));
}

/**
 * Equal slices: the same fields, each the same value or a list (or record) of the same values or
 * of records of the same values. Three levels cover what the selectors build (a record of lists of
 * picked runs); below that, the state's own arrays and objects are compared by identity, which the
 * reducer keeps for everything a message did not change.
 */
export const sameSelection = (a: unknown, b: unknown): boolean => same(a, b, 3);

/** `select` that returns its previous result while `equal` finds the new one the same. */
export function cachedSelector<S, T>(
  select: (state: S) => T,
  equal: (a: T, b: T) => boolean = sameSelection,
): (state: S) => T {
  let last: { state: S; value: T } | null = null;
  return (state) => {
    if (last !== null && last.state === state) return last.value;
    const value = select(state);
    const kept = last !== null && equal(last.value, value) ? last.value : value;
    last = { state, value: kept };
    return kept;
  };
}

/** The slice `select` takes of the store's state. Pass a selector defined once (module level), not a new function per render. */
export function useStoreSelector<T>(
  store: Store,
  select: (state: UiState) => T,
  equal: (a: T, b: T) => boolean = sameSelection,
): T {
  const cached = useMemo(() => cachedSelector(select, equal), [select, equal]);
  return useSyncExternalStore(store.subscribe, () => cached(store.get()));
}
