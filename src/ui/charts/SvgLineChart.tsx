/**
 * A line chart drawn as plain SVG, for the chart that follows every batch while a comparison
 * trains (the loss). recharts redraws a chart through dozens of components, its selectors and a
 * second render from its own store on every data change: measured here ~25 ms of main thread per
 * update, a long task (> 50 ms) whenever the workers load the cores, four times a second. This
 * draws one path per line and band, grid, axes, an HTML legend and a tooltip on hover, so an
 * update costs about a millisecond. Charts that change only at evaluations stay on recharts.
 */
import { memo, useMemo, useState } from 'react';
import type { PointerEvent } from 'react';
import { fmtValue } from './bandRows';
import { bandPath, linear, linePath, nearestIndex, niceTicks } from './svgPaths';
import { useWidth } from './useWidth';

export interface ChartLine {
  key: string;
  /** In the tooltip, and in the legend unless `legend` is false. */
  name: string;
  legend: boolean;
  color: string;
  width: number;
  opacity: number;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

export interface ChartBand {
  key: string;
  name: string;
  color: string;
  xs: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
}

interface Props {
  lines: readonly ChartLine[];
  bands: readonly ChartBand[];
  height: number;
  /** The chart's accessible name. */
  label: string;
}

const M = { top: 8, right: 16, bottom: 22, left: 52 };

function extent(arrays: ReadonlyArray<ArrayLike<number>>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

/** Scales, ticks and paths for a plot area of `width` × `height` pixels. */
function layout(lines: readonly ChartLine[], bands: readonly ChartBand[], width: number, height: number) {
  const [x0, x1] = extent([...lines.map((l) => l.xs), ...bands.map((b) => b.xs)]);
  const yTicks = niceTicks(...extent([...lines.map((l) => l.ys), ...bands.flatMap((b) => [b.lo, b.hi])]));
  const y0 = yTicks[0] as number;
  const y1 = yTicks[yTicks.length - 1] as number;
  const sx = linear(x0, x1, M.left, width - M.right);
  const sy = linear(y0, y1, height - M.bottom, M.top);
  const xTicks = x1 > x0 ? niceTicks(x0, x1).filter((t) => t >= x0 && t <= x1) : [x0];
  return {
    sx, sy, xTicks, yTicks, x0, x1,
    lines: lines.map((l) => ({ ...l, d: linePath(l.xs, l.ys, sx, sy) })),
    bands: bands.map((b) => ({ ...b, d: bandPath(b.xs, b.lo, b.hi, sx, sy) })),
  };
}

export const SvgLineChart = memo(function SvgLineChart({ lines, bands, height, label }: Props) {
  const [box, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const g = useMemo(() => layout(lines, bands, width, height), [lines, bands, width, height]);
  // The x values a tooltip can stop at: those of the line with the most points.
  const xs = useMemo(() => lines.reduce<ArrayLike<number>>((a, l) => (l.xs.length > a.length ? l.xs : a), []), [lines]);
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const i = nearestIndex(xs, linear(M.left, width - M.right, g.x0, g.x1)(px));
    setHover(i < 0 ? null : (xs[i] as number));
  };
  const valueAt = (s: { xs: ArrayLike<number> }, x: number) => {
    const i = nearestIndex(s.xs, x);
    return i >= 0 && s.xs[i] === x ? i : -1;
  };
  return (
    <div className="svg-chart" ref={box}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={label} onPointerMove={move} onPointerLeave={() => setHover(null)}>
          <g className="grid">
            {g.yTicks.map((t) => <line key={`y${t}`} x1={M.left} x2={width - M.right} y1={g.sy(t)} y2={g.sy(t)} />)}
            {g.xTicks.map((t) => <line key={`x${t}`} x1={g.sx(t)} x2={g.sx(t)} y1={M.top} y2={height - M.bottom} />)}
          </g>
          <g className="axis">
            {g.yTicks.map((t) => <text key={`y${t}`} x={M.left - 6} y={g.sy(t)} dy="0.32em" textAnchor="end">{fmtValue(t)}</text>)}
            {g.xTicks.map((t) => <text key={`x${t}`} x={g.sx(t)} y={height - M.bottom + 15} textAnchor="middle">{t}</text>)}
          </g>
          {g.bands.map((b) => <path key={b.key} d={b.d} fill={b.color} fillOpacity={0.2} stroke="none" />)}
          {g.lines.map((l) => <path key={l.key} d={l.d} fill="none" stroke={l.color} strokeWidth={l.width} strokeOpacity={l.opacity} />)}
          {hover !== null && <line className="cursor" x1={g.sx(hover)} x2={g.sx(hover)} y1={M.top} y2={height - M.bottom} />}
        </svg>
      )}
      {hover !== null && (
        <div className="chart-tooltip" style={{ left: Math.min(g.sx(hover) + 12, Math.max(0, width - 180)) }}>
          <div>step {hover}</div>
          {bands.map((b) => {
            const i = valueAt(b, hover);
            return i < 0 ? null : <div key={b.key}>{b.name}: {fmtValue([b.lo[i] as number, b.hi[i] as number])}</div>;
          })}
          {lines.map((l) => {
            const i = valueAt(l, hover);
            return i < 0 ? null : <div key={l.key} style={{ color: l.color }}>{l.name}: {fmtValue(l.ys[i])}</div>;
          })}
        </div>
      )}
      <ul className="chart-legend">
        {lines.filter((l) => l.legend).map((l) => (
          <li key={l.key}>
            <span className="swatch" style={{ background: l.color }} />
            {l.name}
          </li>
        ))}
      </ul>
    </div>
  );
});
