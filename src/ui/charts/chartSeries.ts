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
