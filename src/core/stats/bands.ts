/**
 * Mean-and-band series over seeds: several (x, y) series of one method, one per seed, become one
 * series of the mean with a band (± sd or min–max) per x. Seeds may be at different steps while
 * training, decimated at different points, or (ROC) resampled on different grids, so the summary
 * covers only the x range every seed has reached, at the union of their x values, each seed read
 * there by linear interpolation: every point is a mean over all the seeds, never over whichever
 * happened to have it.
 */
import type { Described } from './describe';
import { describe } from './describe';
import { maxOf, minOf } from './extremes';

export type BandKind = 'sd' | 'range';

/** x increasing. */
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

/** y of a series at x, linear between its neighbouring points; x within its range. */
export function interpolate(s: Series, x: number): number {
  let lo = 0;
  let hi = s.x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((s.x[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  const x0 = s.x[lo] as number;
  const x1 = s.x[hi] as number;
  const y0 = s.y[lo] as number;
  if (x <= x0 || x1 === x0) return y0;
  if (x >= x1) return s.y[hi] as number;
  return y0 + ((s.y[hi] as number) - y0) * ((x - x0) / (x1 - x0));
}

/** One point per distinct x of the inputs inside the range they all cover, in increasing x. */
export function bandSeries(series: readonly Series[], kind: BandKind): BandPoint[] {
  const live = series.filter((s) => s.x.length > 0 && s.y.length === s.x.length);
  if (live.length === 0) return [];
  const from = maxOf(live.map((s) => s.x[0] as number));
  const to = minOf(live.map((s) => s.x[s.x.length - 1] as number));
  const xs = [...new Set(live.flatMap((s) => s.x.filter((x) => x >= from && x <= to)))].sort((a, b) => a - b);
  return xs.map((x) => {
    const d = describe(live.map((s) => interpolate(s, x)));
    const [lo, hi] = bandEdges(d, kind);
    return { x, ...d, lo, hi };
  });
}

/**
 * Paired differences A − B over x: for each seed present in both, y_A(x) − y_B(x) where both have
 * x; then the mean and band of those differences per x. Keys of the maps are seeds.
 */
export function differenceSeries(
  a: ReadonlyMap<number, Series>,
  b: ReadonlyMap<number, Series>,
  kind: BandKind,
): BandPoint[] {
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
