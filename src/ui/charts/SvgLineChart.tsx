/**
 * A line chart drawn as plain SVG, for every chart that changes while a comparison trains (loss,
 * evaluations, probes, agents, periodic slices). recharts redraws a chart through dozens of
 * components, its selectors and a second render from its own store on every data change: measured
 * here ~25 ms of main thread per chart and update, a long task (> 50 ms) whenever the workers load
 * the cores. This draws one path per line and band, dots and error bars, grid, axes (linear or
 * log), reference lines, an HTML legend and a tooltip: about a millisecond per update.
 *
 * What a reader can do, all local to this chart (a hover renders this chart alone, and only its
 * crosshair and tooltip: ChartPlot is memoised on the layout):
 * - click a legend entry to hide or show its series (hiddenSeriesStore.ts; kept in the link);
 * - drag across the plot to zoom x into that range, double-click or Reset zoom to go back;
 * - focus the chart and move a crosshair with ←/→ (Home/End: the first/last step in view), the
 *   values of every shown series at that step read out in an aria-live region;
 * - hover: the tooltip lists every shown series at the nearest step.
 * Hidden series and the zoom are state, not data: a live update keeps both.
 */
import { memo, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { ChartId } from '../../core/hiddenSeries';
import { ChartLegend, ChartTooltip } from './ChartOverlay';
import { ChartPlot } from './ChartPlot';
import { chartFileName, downloadPng, downloadSvg } from './chartDownload';
import { isCursorKey, readout, seriesValues, stepCursor } from './chartCursor';
import type { Axis } from './chartLayout';
import { chartLayout, MARGIN } from './chartLayout';
import type { ChartBand, ChartLine, ChartRef } from './chartSeries';
import { shownSeries } from './chartSeries';
import { dragRange, zoomDomain } from './chartZoom';
import { useHiddenSeries } from './hiddenSeriesStore';
import { nearestIndex } from './svgPaths';
import { useWidth } from './useWidth';

interface Props {
  /** Which chart: the name its hidden series go by in the link (core/hiddenSeries.ts). */
  id: ChartId;
  lines: readonly ChartLine[];
  bands?: readonly ChartBand[];
  refs?: readonly ChartRef[];
  height: number;
  /** The chart's accessible name. */
  label: string;
  /** The x value's name in the tooltip and the readout. */
  xName?: string;
  x?: Axis;
  y?: Axis;
}

const NONE: readonly never[] = [];
const NO_AXIS: Axis = {};

/** The x values the crosshair can stop at: those of the shown line (or band) with the most points. */
function cursorXs(lines: readonly ChartLine[], bands: readonly ChartBand[]): ArrayLike<number> {
  return [...lines, ...bands].reduce<ArrayLike<number>>((a, l) => (l.xs.length > a.length ? l.xs : a), []);
}

export const SvgLineChart = memo(function SvgLineChart(p: Props) {
  const { lines, height, label } = p;
  const bands = p.bands ?? NONE;
  const xAxis = p.x ?? NO_AXIS;
  const yAxis = p.y ?? NO_AXIS;
  const clip = useId();
  const [box, width] = useWidth<HTMLDivElement>();
  const [hidden, toggle] = useHiddenSeries(p.id);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  // The crosshair's x (pointer or keyboard), and a drag's two ends in px while it zooms.
  const [at, setAt] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [said, setSaid] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const shown = useMemo(() => shownSeries(lines, bands, hidden), [lines, bands, hidden]);
  const g = useMemo(
    () => chartLayout({ ...shown, x: xAxis, y: yAxis, height, width, zoom }),
    [shown, xAxis, yAxis, height, width, zoom],
  );
  const xs = useMemo(() => cursorXs(shown.lines, shown.bands), [shown]);
  const fx = xAxis.format ?? String;
  const fy = yAxis.format ?? String;
  const xName = p.xName ?? 'step';
  const values = useMemo(() => (at === null ? [] : seriesValues(at, shown.lines, shown.bands)), [at, shown]);

  const save = (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (svg === null) return;
    const legend = shown.lines.filter((l) => l.legend).map((l) => ({ name: l.name, color: l.color, dash: l.dash }));
    if (kind === 'svg') downloadSvg(svg, legend, chartFileName(label));
    else
      void downloadPng(svg, legend, chartFileName(label)).catch((e: unknown) =>
        console.error('PNG download failed', e),
      );
  };
  const pointerX = (e: PointerEvent<SVGSVGElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left;
  // The step nearest the pointer, within the plot (and so within the zoom).
  const hover = (px: number) => {
    const i = nearestIndex(xs, g.toX(Math.min(g.right, Math.max(g.left, px))));
    const x = i < 0 ? null : (xs[i] as number);
    setAt(x !== null && x >= g.x.domain[0] && x <= g.x.domain[1] ? x : null);
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    const px = pointerX(e);
    if (e.button !== 0 || px < g.left || px > g.right) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ from: px, to: px });
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const px = pointerX(e);
    if (drag !== null) setDrag({ from: drag.from, to: px });
    hover(px);
  };
  const up = () => {
    if (drag === null) return;
    const range = dragRange(drag.from, drag.to, g.left, g.right);
    const domain = range === null ? null : zoomDomain(range, g.toX);
    if (domain !== null) setZoom(domain);
    setDrag(null);
  };
  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape') {
      setAt(null);
      return;
    }
    if (!isCursorKey(e.key)) return;
    e.preventDefault();
    const next = stepCursor(xs, at, e.key, g.x.domain);
    if (next === null) return;
    setAt(next);
    setSaid(readout(xName, next, seriesValues(next, shown.lines, shown.bands), fx));
  };
  const bottom = height - MARGIN.bottom;
  const span = drag === null ? null : dragRange(drag.from, drag.to, g.left, g.right);
  const cursorPx = at === null ? NaN : g.sx(at);
  return (
    <div className="svg-chart" ref={box}>
      {width > 0 && (
        <svg
          ref={svgRef}
          width={width}
          height={height + (xAxis.label ? 14 : 0)}
          role="img"
          aria-label={label}
          tabIndex={0}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={() => setDrag(null)}
          onPointerLeave={() => {
            if (drag === null) setAt(null);
          }}
          onDoubleClick={() => setZoom(null)}
          onKeyDown={key}
          onBlur={() => setAt(null)}
        >
          <ChartPlot g={g} refs={p.refs ?? NONE} height={height} clip={clip} fx={fx} fy={fy} xLabel={xAxis.label} />
          {span !== null && (
            <rect
              className="zoom-span"
              x={span[0]}
              width={span[1] - span[0]}
              y={MARGIN.top}
              height={bottom - MARGIN.top}
            />
          )}
          {Number.isFinite(cursorPx) && (
            <line className="cursor" x1={cursorPx} x2={cursorPx} y1={MARGIN.top} y2={bottom} />
          )}
        </svg>
      )}
      {at !== null && Number.isFinite(cursorPx) && (
        <ChartTooltip
          x={fx(at)}
          xName={xName}
          left={Math.min(cursorPx + 12, Math.max(0, width - 200))}
          values={values}
          fx={fx}
        />
      )}
      <div className="sr-only" aria-live="polite">
        {said}
      </div>
      <ChartLegend lines={lines} bands={bands} hidden={hidden} onToggle={toggle} />
      {width > 0 && (
        <div className="chart-menu">
          {zoom !== null && (
            <button type="button" aria-label={`Reset zoom of ${label}`} onClick={() => setZoom(null)}>
              Reset zoom
            </button>
          )}
          <button type="button" aria-label={`Download ${label} as SVG`} onClick={() => save('svg')}>
            SVG
          </button>
          <button type="button" aria-label={`Download ${label} as PNG`} onClick={() => save('png')}>
            PNG
          </button>
        </div>
      )}
    </div>
  );
});
