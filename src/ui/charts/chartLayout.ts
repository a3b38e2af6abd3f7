/**
 * Where an SvgLineChart puts everything: the axes' domains and ticks, the scales and each shown
 * line's and band's path. Computed once per change of the data, the hidden series, the zoom or the
 * width, never on a pointer move. Pure, so it is tested in Node.
 */
import type { ChartBand, ChartLine } from './chartSeries';
import { extentOf } from './chartZoom';
import { bandPath, invert, linePath, logTicks, niceTicks, scale } from './svgPaths';

export interface Axis {
  /** Fixed [lo, hi]; otherwise the data's extent (rounded out to ticks on y). */
  domain?: [number, number];
  ticks?: readonly number[];
  log?: boolean;
  /** Tick labels (x: also the tooltip's x); ticks are round values, written as they are by default. */
  format?: (v: number) => string;
  /** Under the x axis. */
  label?: string;
}

/** The plot's margins inside the SVG, px: room for the tick labels. */
export const MARGIN = { top: 8, right: 16, bottom: 22, left: 52 } as const;

/** Domain and ticks of one axis; `round` widens an automatic domain to round ticks (y). */
export function axisOf(
  axis: Axis,
  data: [number, number],
  round: boolean,
): { domain: [number, number]; ticks: number[] } {
  const [lo, hi] = axis.domain ?? data;
  if (axis.log) {
    const domain: [number, number] = lo > 0 && hi >= lo ? [lo, hi] : [0.1, 1];
    return { domain, ticks: [...(axis.ticks ?? logTicks(...domain))] };
  }
  if (axis.ticks) return { domain: [lo, hi], ticks: axis.ticks.filter((t) => t >= lo && t <= hi) };
  const ticks = niceTicks(lo, hi);
  if (round && !axis.domain) return { domain: [ticks[0] as number, ticks[ticks.length - 1] as number], ticks };
  const domain: [number, number] = Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [0, 1];
  return { domain, ticks: ticks.filter((t) => t >= domain[0] && t <= domain[1]) };
}

export interface LayoutInput {
  /** The shown lines and bands (hidden ones left out: they do not stretch the axes either). */
  lines: readonly ChartLine[];
  bands: readonly ChartBand[];
  x: Axis;
  y: Axis;
  /** Of the plot with its axes, px (the x label's row not counted). */
  height: number;
  width: number;
  /** The x range dragged to (chartZoom.ts); null for the whole data. */
  zoom: readonly [number, number] | null;
}

export type PathedLine = ChartLine & { d: string };
export type PathedBand = ChartBand & { d: string };

export interface ChartLayout {
  x: { domain: [number, number]; ticks: number[] };
  y: { domain: [number, number]; ticks: number[] };
  sx: (v: number) => number;
  sy: (v: number) => number;
  /** px from the SVG's left → x value. */
  toX: (px: number) => number;
  lines: PathedLine[];
  bands: PathedBand[];
  /** The plot's left and right edges, px. */
  left: number;
  right: number;
}

export function chartLayout({ lines, bands, x: xAxis, y: yAxis, height, width, zoom }: LayoutInput): ChartLayout {
  const xData = extentOf(
    [...lines, ...bands].map((s) => ({ xs: s.xs, ys: s.xs })),
    xAxis.log === true,
  );
  // Zoomed, y fits what lies in the x range, so a late plateau fills the plot.
  const yData = extentOf(
    [
      ...lines,
      ...bands.flatMap((b) => [
        { xs: b.xs, ys: b.lo },
        { xs: b.xs, ys: b.hi },
      ]),
    ],
    yAxis.log === true,
    zoom,
  );
  const x = axisOf(zoom === null ? xAxis : { ...xAxis, domain: [zoom[0], zoom[1]] }, xData, false);
  const y = axisOf(yAxis, yData, true);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const sx = scale(...x.domain, left, right, xAxis.log);
  const sy = scale(...y.domain, height - MARGIN.bottom, MARGIN.top, yAxis.log);
  return {
    sx,
    sy,
    x,
    y,
    left,
    right,
    toX: invert(...x.domain, left, right, xAxis.log),
    lines: lines.map((l) => ({ ...l, d: linePath(l.xs, l.ys, sx, sy, l.connect) })),
    bands: bands.map((b) => ({ ...b, d: bandPath(b.xs, b.lo, b.hi, sx, sy) })),
  };
}
