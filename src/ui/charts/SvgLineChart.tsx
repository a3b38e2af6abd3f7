/**
 * A line chart drawn as plain SVG, for every chart that changes while a comparison trains (loss,
 * evaluations, probes, agents, periodic slices). recharts redraws a chart through dozens of
 * components, its selectors and a second render from its own store on every data change: measured
 * here ~25 ms of main thread per chart and update, a long task (> 50 ms) whenever the workers load
 * the cores. This draws one path per line and band, dots and error bars, grid, axes (linear or
 * log), reference lines, an HTML legend and a tooltip on hover: about a millisecond per update.
 */
import { memo, useId, useMemo, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { ChartLegend, ChartTooltip } from './ChartOverlay';
import { chartFileName, downloadPng, downloadSvg } from './chartDownload';
import type { ChartBand, ChartLine, ChartRef } from './chartSeries';
import { bandPath, invert, linePath, logTicks, nearestIndex, niceTicks, scale } from './svgPaths';
import { useWidth } from './useWidth';

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

interface Props {
  lines: readonly ChartLine[];
  bands?: readonly ChartBand[];
  refs?: readonly ChartRef[];
  height: number;
  /** The chart's accessible name. */
  label: string;
  /** The x value's name in the tooltip. */
  xName?: string;
  x?: Axis;
  y?: Axis;
}

const M = { top: 8, right: 16, bottom: 22, left: 52 };
const NONE: readonly never[] = [];

function extent(arrays: ReadonlyArray<ArrayLike<number>>, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (Number.isFinite(v) && (!log || v > 0)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

/** Domain and ticks of one axis; `round` widens an automatic domain to round ticks (y). */
function axisOf(axis: Axis, data: [number, number], round: boolean): { domain: [number, number]; ticks: number[] } {
  const [lo, hi] = axis.domain ?? data;
  if (axis.log) {
    const domain: [number, number] = lo > 0 && hi >= lo ? [lo, hi] : [0.1, 1];
    return { domain, ticks: [...(axis.ticks ?? logTicks(...domain))] };
  }
  if (axis.ticks) return { domain: [lo, hi], ticks: [...axis.ticks] };
  const ticks = niceTicks(lo, hi);
  if (round && !axis.domain) return { domain: [ticks[0] as number, ticks[ticks.length - 1] as number], ticks };
  const domain: [number, number] = Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [0, 1];
  return { domain, ticks: ticks.filter((t) => t >= domain[0] && t <= domain[1]) };
}

function layout(p: Props, width: number) {
  const bands = p.bands ?? NONE;
  const xAxis = p.x ?? {};
  const yAxis = p.y ?? {};
  const x = axisOf(xAxis, extent([...p.lines.map((l) => l.xs), ...bands.map((b) => b.xs)], xAxis.log === true), false);
  const y = axisOf(yAxis, extent([...p.lines.map((l) => l.ys), ...bands.flatMap((b) => [b.lo, b.hi])], yAxis.log === true), true);
  const range = { x: [M.left, width - M.right] as const, y: [p.height - M.bottom, M.top] as const };
  const sx = scale(...x.domain, ...range.x, xAxis.log);
  const sy = scale(...y.domain, ...range.y, yAxis.log);
  return {
    sx, sy, x, y,
    toX: invert(...x.domain, ...range.x, xAxis.log),
    lines: p.lines.map((l) => ({ ...l, d: linePath(l.xs, l.ys, sx, sy, l.connect) })),
    bands: bands.map((b) => ({ ...b, d: bandPath(b.xs, b.lo, b.hi, sx, sy) })),
  };
}

/** Circles and error bars of a line. */
function Marks({ line, sx, sy }: { line: ChartLine; sx: (v: number) => number; sy: (v: number) => number }) {
  const points = Array.from({ length: line.xs.length }, (_, i) => i).filter((i) => Number.isFinite(sx(line.xs[i] as number)) && Number.isFinite(sy(line.ys[i] as number)));
  return (
    <g stroke={line.color}>
      {line.errors && points.map((i) => {
        const [px, y, e] = [sx(line.xs[i] as number), line.ys[i] as number, line.errors?.[i] ?? NaN];
        return Number.isFinite(e) ? <path key={`e${i}`} d={`M${px - 2},${sy(y - e)}H${px + 2}M${px},${sy(y - e)}V${sy(y + e)}M${px - 2},${sy(y + e)}H${px + 2}`} fill="none" /> : null;
      })}
      {line.dots && points.map((i) => <circle key={i} cx={sx(line.xs[i] as number)} cy={sy(line.ys[i] as number)} r={3} fill="#fff" />)}
    </g>
  );
}

export const SvgLineChart = memo(function SvgLineChart(p: Props) {
  const { lines, height } = p;
  const bands = p.bands ?? NONE;
  const clip = useId();
  const [box, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const save = (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (svg === null) return;
    const legend = lines.filter((l) => l.legend).map((l) => ({ name: l.name, color: l.color, dash: l.dash }));
    if (kind === 'svg') downloadSvg(svg, legend, chartFileName(p.label));
    else void downloadPng(svg, legend, chartFileName(p.label)).catch((e: unknown) => console.error('PNG download failed', e));
  };
  const g = useMemo(() => layout(p, width), [p, width]);
  // The x values a tooltip can stop at: those of the line (or band) with the most points.
  const xs = useMemo(() => [...lines, ...bands].reduce<ArrayLike<number>>((a, l) => (l.xs.length > a.length ? l.xs : a), []), [lines, bands]);
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const i = nearestIndex(xs, g.toX(e.clientX - e.currentTarget.getBoundingClientRect().left));
    setHover(i < 0 ? null : (xs[i] as number));
  };
  const bottom = height - M.bottom;
  const fx = p.x?.format ?? String;
  const fy = p.y?.format ?? String;
  return (
    <div className="svg-chart" ref={box}>
      {width > 0 && (
        <svg ref={svgRef} width={width} height={height + (p.x?.label ? 14 : 0)} role="img" aria-label={p.label} onPointerMove={move} onPointerLeave={() => setHover(null)}>
          <clipPath id={clip}><rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={bottom - M.top} /></clipPath>
          <g className="grid">
            {g.y.ticks.map((t) => <line key={`y${t}`} x1={M.left} x2={width - M.right} y1={g.sy(t)} y2={g.sy(t)} />)}
            {g.x.ticks.map((t) => <line key={`x${t}`} x1={g.sx(t)} x2={g.sx(t)} y1={M.top} y2={bottom} />)}
          </g>
          <g className="axis">
            {g.y.ticks.map((t) => <text key={`y${t}`} x={M.left - 6} y={g.sy(t)} dy="0.32em" textAnchor="end">{fy(t)}</text>)}
            {g.x.ticks.map((t) => <text key={`x${t}`} x={g.sx(t)} y={bottom + 15} textAnchor="middle">{fx(t)}</text>)}
            {p.x?.label && <text x={width - M.right} y={bottom + 30} textAnchor="end">{p.x.label}</text>}
          </g>
          <g clipPath={`url(#${clip})`}>
            {(p.refs ?? NONE).map((r) => (
              <g key={`ref${r.y}`} className="ref">
                <line x1={M.left} x2={width - M.right} y1={g.sy(r.y)} y2={g.sy(r.y)} stroke={r.color} strokeDasharray={r.dash} />
                {r.label && <text x={width - M.right - 4} y={g.sy(r.y) - 4} textAnchor="end" fill={r.color}>{r.label}</text>}
              </g>
            ))}
            {g.bands.map((b) => <path key={b.key} d={b.d} fill={b.color} fillOpacity={b.opacity ?? 0.2} stroke={b.stroke ? b.color : 'none'} />)}
            {g.lines.map((l) => <path key={l.key} d={l.d} fill="none" stroke={l.color} strokeWidth={l.width} strokeOpacity={l.opacity} strokeDasharray={l.dash} />)}
            {g.lines.filter((l) => l.dots || l.errors).map((l) => <Marks key={`m${l.key}`} line={l} sx={g.sx} sy={g.sy} />)}
          </g>
          {hover !== null && <line className="cursor" x1={g.sx(hover)} x2={g.sx(hover)} y1={M.top} y2={bottom} />}
        </svg>
      )}
      {hover !== null && <ChartTooltip x={fx(hover)} at={hover} xName={p.xName ?? 'step'} left={Math.min(g.sx(hover) + 12, Math.max(0, width - 200))} lines={lines} bands={bands} />}
      <ChartLegend lines={lines} bands={bands} />
      {width > 0 && (
        <div className="chart-menu">
          <button type="button" aria-label={`Download ${p.label} as SVG`} onClick={() => save('svg')}>SVG</button>
          <button type="button" aria-label={`Download ${p.label} as PNG`} onClick={() => save('png')}>PNG</button>
        </div>
      )}
    </div>
  );
});
