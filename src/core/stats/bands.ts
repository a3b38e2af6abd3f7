/**
 * Mean-and-band series over seeds: several (x, y) series of one method, one per seed, become one
 * series of the mean with a band (± sd or min–max) per x. Seeds may be at different steps while
 * training (or decimated differently), so each x is summarised over the seeds that have it, and
 * `n` says how many did.
 */
import type { Described } from './describe';
import { describe } from './describe';

export type BandKind = 'sd' | 'range';

export interface Series {
  x: readonly number[];
  y: readonly number[];
}

export interface BandPoint extends Described {
  x: number;
  /** Lower and upper edge of the band: mean ∓ sd, or min and max. */
  lo: number;
  hi: number;
}

export function bandEdges(d: Described, kind: BandKind): [number, number] {
  return kind === 'sd' ? [d.mean - d.sd, d.mean + d.sd] : [d.min, d.max];
}

/** One point per distinct x of the inputs, in increasing x. */
export function bandSeries(series: readonly Series[], kind: BandKind): BandPoint[] {
  const byX = new Map<number, number[]>();
  for (const s of series) {
    s.x.forEach((x, i) => {
      const y = s.y[i];
      if (y === undefined) return;
      const list = byX.get(x);
      if (list) list.push(y);
      else byX.set(x, [y]);
    });
  }
  return [...byX.entries()]
    .sort(([a], [b]) => a - b)
    .map(([x, ys]) => {
      const d = describe(ys);
      const [lo, hi] = bandEdges(d, kind);
      return { x, ...d, lo, hi };
    });
}

/**
 * Paired differences A − B over x: for each seed present in both, y_A(x) − y_B(x) where both have
 * x; then the mean and band of those differences per x. Keys of the maps are seeds.
 */
export function differenceSeries(a: ReadonlyMap<number, Series>, b: ReadonlyMap<number, Series>, kind: BandKind): BandPoint[] {
  const diffs: Series[] = [];
  for (const [seed, sa] of a) {
    const sb = b.get(seed);
    if (!sb) continue;
    const yb = new Map(sb.x.map((x, i) => [x, sb.y[i] as number]));
    const x: number[] = [];
    const y: number[] = [];
    sa.x.forEach((xi, i) => {
      const other = yb.get(xi);
      if (other === undefined) return;
      x.push(xi);
      y.push((sa.y[i] as number) - other);
    });
    diffs.push({ x, y });
  }
  return bandSeries(diffs, kind);
}
