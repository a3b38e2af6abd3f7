/**
 * What an SvgLineChart draws: lines, bands and reference lines, and how to take them from the
 * rows the charts build (bandRows.ts: one row per x, `row[label]` a value, `row["label band"]`
 * its [lo, hi]). A row without a series' value is a gap in it (NaN).
 */
import type { BandRow } from './bandRows';

export interface ChartLine {
  key: string;
  /** In the tooltip, and in the legend unless `legend` is false. */
  name: string;
  legend: boolean;
  /** The legend entry (its key) that hides and shows this line with it: a raw loss its smoothed line. Default: its own key. */
  series?: string;
  color: string;
  width: number;
  opacity: number;
  /** SVG stroke-dasharray. */
  dash?: string;
  /** A circle at every point. */
  dots?: boolean;
  /** ± half-widths of error bars, per point. */
  errors?: ArrayLike<number>;
  /** Draw across gaps instead of breaking the line. */
  connect?: boolean;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

export interface ChartBand {
  key: string;
  name: string;
  /** In the legend (a band that is the chart's only mark of a series). */
  legend?: boolean;
  /** The legend entry (its key) that hides and shows this band with it: a mean's band its mean. Default: its own key. */
  series?: string;
  color: string;
  opacity?: number;
  /** Outline the band in its colour. */
  stroke?: boolean;
  xs: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
}

/** A horizontal line across the plot (zero, the untrained probe). */
export interface ChartRef {
  y: number;
  color: string;
  dash?: string;
  label?: string;
}

/** The legend entry a line or band belongs to: what a legend click hides, what the link names. */
export const seriesKey = (item: Pick<ChartLine, 'key' | 'series'>): string => item.series ?? item.key;

/** The lines and bands whose legend entry is not hidden. */
export function shownSeries<L extends Pick<ChartLine, 'key' | 'series'>, B extends Pick<ChartBand, 'key' | 'series'>>(
  lines: readonly L[],
  bands: readonly B[],
  hidden: readonly string[],
): { lines: L[]; bands: B[] } {
  const off = new Set(hidden);
  const on = (item: Pick<ChartLine, 'key' | 'series'>) => !off.has(seriesKey(item));
  return { lines: lines.filter(on), bands: bands.filter(on) };
}

const valueOf = (row: BandRow, key: string): number => {
  const v = row[key];
  return typeof v === 'number' ? v : NaN;
};

/** The series `key` of the rows, x from `xKey`. */
export function rowLine(rows: readonly BandRow[], xKey: string, key: string): Pick<ChartLine, 'xs' | 'ys'> {
  return { xs: rows.map((r) => valueOf(r, xKey)), ys: rows.map((r) => valueOf(r, key)) };
}

/** The band `key` ([lo, hi] per row) of the rows that have it. */
export function rowBand(rows: readonly BandRow[], xKey: string, key: string): Pick<ChartBand, 'xs' | 'lo' | 'hi'> {
  const have = rows.filter((r) => Array.isArray(r[key]));
  const edge = (r: BandRow, i: 0 | 1) => (r[key] as [number, number])[i];
  return { xs: have.map((r) => valueOf(r, xKey)), lo: have.map((r) => edge(r, 0)), hi: have.map((r) => edge(r, 1)) };
}
