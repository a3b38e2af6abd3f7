/** The hover tooltip and the legend of an SvgLineChart, as HTML over and under the plot. */
import type { CSSProperties } from 'react';
import { fmtValue } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { nearestIndex } from './svgPaths';

/** Index of exactly `x` in the series' xs, or -1. */
function indexOf(s: { xs: ArrayLike<number> }, x: number): number {
  const i = nearestIndex(s.xs, x);
  return i >= 0 && s.xs[i] === x ? i : -1;
}

interface TooltipProps {
  /** The x value, as the axis writes it. */
  x: string;
  xName: string;
  /** The x value the pointer is nearest to. */
  at: number;
  /** Where it stands, px from the chart's left. */
  left: number;
  lines: readonly ChartLine[];
  bands: readonly ChartBand[];
}

export function ChartTooltip({ x, at: value, xName, left, lines, bands }: TooltipProps) {
  return (
    <div className="chart-tooltip" style={{ left }}>
      <div>{xName} {x}</div>
      {bands.map((b) => {
        const i = indexOf(b, value);
        return i < 0 || !Number.isFinite(b.lo[i]) ? null : <div key={b.key}>{b.name}: {fmtValue([b.lo[i] as number, b.hi[i] as number])}</div>;
      })}
      {lines.map((l) => {
        const i = indexOf(l, value);
        return i < 0 || !Number.isFinite(l.ys[i]) ? null : <div key={l.key} style={{ color: l.color }}>{l.name}: {fmtValue(l.ys[i])}</div>;
      })}
    </div>
  );
}

/**
 * A legend item's swatch: a dashed line (a ghost, an agent, the untrained probe) gets a dashed
 * swatch at its line's opacity, so the legend tells it from a solid, live one.
 */
function swatchStyle(item: ChartLine | ChartBand): CSSProperties {
  if (!('dash' in item) || item.dash === undefined) return { background: item.color };
  return { borderTop: `3px dashed ${item.color}`, height: 0, opacity: item.opacity };
}

export function ChartLegend({ lines, bands }: { lines: readonly ChartLine[]; bands: readonly ChartBand[] }) {
  const items = [...bands.filter((b) => b.legend === true), ...lines.filter((l) => l.legend)];
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key}>
          <span className="swatch" style={swatchStyle(item)} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
