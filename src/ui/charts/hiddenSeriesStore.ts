/**
 * The series the reader hid from the charts' legends, held outside React so a legend click renders
 * its own chart and the page's link, not every chart: each chart subscribes to its own id's keys,
 * the page to the whole (core/hiddenSeries.ts writes it into the link). The state outlives a
 * chart's data: a series stays hidden through every live update and comes back only when clicked.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ChartId, HiddenSeries } from '../../core/hiddenSeries';
import { toggleHidden } from '../../core/hiddenSeries';

const NONE: readonly string[] = [];

export class HiddenSeriesStore {
  private state: HiddenSeries;
  private readonly listeners = new Set<() => void>();

  constructor(initial: HiddenSeries = {}) {
    this.state = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The whole state; a new object after each toggle, the same one otherwise. */
  readonly snapshot = (): HiddenSeries => this.state;

  /** One chart's hidden keys; the same array until that chart's keys change. */
  keys(chart: ChartId): readonly string[] {
    return this.state[chart] ?? NONE;
  }

  toggle(chart: ChartId, key: string): void {
    this.state = toggleHidden(this.state, chart, key);
    for (const l of this.listeners) l();
  }
}

/** The page provides its own (seeded from the link); a chart outside it (a test) gets this one. */
export const HiddenSeriesContext = createContext(new HiddenSeriesStore());

/** A chart's hidden series keys and the toggle of one; renders again only when this chart's keys change. */
export function useHiddenSeries(chart: ChartId): [readonly string[], (key: string) => void] {
  const store = useContext(HiddenSeriesContext);
  const keys = useSyncExternalStore(store.subscribe, () => store.keys(chart));
  const toggle = useCallback((key: string) => store.toggle(chart, key), [store, chart]);
  return [keys, toggle];
}
