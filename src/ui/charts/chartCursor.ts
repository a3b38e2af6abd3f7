/**
 * The crosshair of an SvgLineChart, moved by the pointer or the keyboard, and what it reads at its
 * x: every shown series' value there, for the tooltip and the aria-live readout alike. Pure, so it
 * is tested in Node.
 */
import { fmtValue } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { nearestIndex } from './svgPaths';

/** The keys that move the crosshair: a step left or right, the first or last step in view. */
export const CURSOR_KEYS = ['ArrowLeft', 'ArrowRight', 'Home', 'End'] as const;
export type CursorKey = (typeof CURSOR_KEYS)[number];

export const isCursorKey = (key: string): key is CursorKey => (CURSOR_KEYS as readonly string[]).includes(key);

/**
 * Where `key` moves the crosshair among the x values `xs` (sorted) inside `domain`: the next or
 * previous one, or the first or last. From none, → and Home go to the first, ← and End to the last.
 * It stays at the end it reached; null when no x is in view.
 */
export function stepCursor(
  xs: ArrayLike<number>,
  at: number | null,
  key: CursorKey,
  domain: readonly [number, number],
): number | null {
  const inView: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (Number.isFinite(x) && x >= domain[0] && x <= domain[1]) inView.push(x);
  }
  const first = inView[0];
  const last = inView[inView.length - 1];
  if (first === undefined || last === undefined) return null;
  if (key === 'Home' || (at === null && key === 'ArrowRight')) return first;
  if (key === 'End' || at === null) return last;
  if (key === 'ArrowRight') return inView.find((x) => x > at) ?? last;
  let before = first;
  for (const x of inView) if (x < at) before = x;
  return before;
}

/**
 * Index of the point of (xs, ys) nearest to `x` that has a finite y, or -1 when `x` lies outside
 * the points with one (a run that has not reached that step has no value there, not its last one).
 */
export function nearestFinite(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const i = nearestIndex(xs, x);
  if (i < 0) return -1;
  const ok = (k: number) => Number.isFinite(xs[k]) && Number.isFinite(ys[k]);
  const xi = xs[i] as number;
  // The nearest point with a value at or before x, and at or after it.
  let lo = -1;
  let hi = -1;
  for (let k = xi <= x ? i : i - 1; k >= 0; k--)
    if (ok(k)) {
      lo = k;
      break;
    }
  for (let k = xi >= x ? i : i + 1; k < xs.length; k++)
    if (ok(k)) {
      hi = k;
      break;
    }
  if (lo < 0 || hi < 0) return -1;
  return Math.abs((xs[lo] as number) - x) <= Math.abs((xs[hi] as number) - x) ? lo : hi;
}

/** One series' entry in the tooltip and the readout: its value at the crosshair, or where its nearest point is. */
export interface SeriesValue {
  key: string;
  name: string;
  color: string;
  /** The value as written ("1.23", "0.912 – 0.934"), or "no value" outside the series. */
  text: string;
  /** The x of the point read, when it is not the crosshair's own (another series' steps). */
  from: number | null;
}

function valueOf(
  key: string,
  name: string,
  color: string,
  xs: ArrayLike<number>,
  at: number,
  read: (i: number) => unknown,
  ys: ArrayLike<number>,
): SeriesValue {
  const i = nearestFinite(xs, ys, at);
  if (i < 0) return { key, name, color, text: 'no value', from: null };
  const x = xs[i] as number;
  return { key, name, color, text: fmtValue(read(i)), from: x === at ? null : x };
}

/** Every shown line's, then every shown band's, value at `at`: all the series in view, none left out. */
export function seriesValues(at: number, lines: readonly ChartLine[], bands: readonly ChartBand[]): SeriesValue[] {
  return [
    ...lines.map((l) => valueOf(l.key, l.name, l.color, l.xs, at, (i) => l.ys[i], l.ys)),
    ...bands.map((b) => valueOf(b.key, b.name, b.color, b.xs, at, (i) => [b.lo[i], b.hi[i]], b.hi)),
  ];
}

/** One value as the tooltip and the readout write it: "1.23", or "1.23 (at 38)" when read at another series' x. */
export const valueText = (v: SeriesValue, fx: (x: number) => string): string =>
  v.from === null ? v.text : `${v.text} (at ${fx(v.from)})`;

/** The aria-live sentence at the crosshair: "step 40: Conventional 1.23, SST 1.11". */
export function readout(xName: string, at: number, values: readonly SeriesValue[], fx: (x: number) => string): string {
  if (values.length === 0) return `${xName} ${fx(at)}: every series is hidden`;
  return `${xName} ${fx(at)}: ${values.map((v) => `${v.name} ${valueText(v, fx)}`).join(', ')}`;
}
