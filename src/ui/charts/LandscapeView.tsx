/**
 * Loss-landscape slices on demand: 1-D curves per method (with several seeds, the mean over
 * seeds and its band), and 2-D heatmaps with contours per run of the first seed on one shared
 * colour scale, drawn row by row as the workers stream them.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { BandKind } from '../../core/stats/bands';
import type { AnalysisRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import { bandKey, methodBandRows } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { rowBand, rowLine } from './chartSeries';
import { colorOf } from './colors';
import { contourSegments, ramp } from './heatmap';
import { FigureDownloads } from './FigureDownloads';
import { SvgLineChart } from './SvgLineChart';

const CELL = 8;

type Groups = ReadonlyArray<MethodGroup<AnalysisRun>>;

function Heatmap({ run, lo, hi }: { run: Pick<AnalysisRun, 'label' | 'landscape2d'>; lo: number; hi: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = run.landscape2d;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grid) return;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const span = hi - lo || 1;
    grid.rows.forEach((row, y) =>
      row?.forEach((v, x) => {
        const [r, g, b] = ramp((v - lo) / span);
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fillRect(x * CELL, y * CELL, CELL, CELL);
      }),
    );
    const done = grid.rows.filter((r): r is number[] => r !== null);
    ctx.strokeStyle = 'rgba(255,255,255,0.8)';
    for (let k = 1; k <= 6; k++) {
      for (const [x1, y1, x2, y2] of contourSegments(done, lo + (span * k) / 7)) {
        ctx.beginPath();
        ctx.moveTo((x1 + 0.5) * CELL, (y1 + 0.5) * CELL);
        ctx.lineTo((x2 + 0.5) * CELL, (y2 + 0.5) * CELL);
        ctx.stroke();
      }
    }
  }, [grid, lo, hi]);
  if (!grid) return null;
  const size = grid.betas.length * CELL;
  return (
    <figure>
      <canvas
        ref={ref}
        width={size}
        height={grid.alphas.length * CELL}
        role="img"
        aria-label={`${run.label} 2-D loss landscape`}
      />
      <figcaption>
        {run.label} · step {grid.step}{' '}
        <FigureDownloads label={`${run.label} 2-D loss landscape`} target={ref} kind="canvas" />
      </figcaption>
    </figure>
  );
}

interface Props {
  groups: Groups;
  band: BandKind;
  busy: boolean;
  onSlice: (dims: 1 | 2) => void;
}

interface Curve {
  g: MethodGroup<AnalysisRun>;
  /** The method's index, for its colour. */
  i: number;
  series: AnalysisRun[];
}

/** 1-D slices: mean and band over seeds per method, by α; null before the first slice. */
function sliceChart(withCurve: readonly Curve[], band: BandKind): { lines: ChartLine[]; bands: ChartBand[] } | null {
  if (withCurve.length === 0) return null;
  const rows = methodBandRows(
    withCurve.map((c) => ({ label: c.g.label, series: c.series })),
    (r) => ({ x: r.landscape1d?.alphas ?? [], y: r.landscape1d?.losses ?? [] }),
    band,
    'alpha',
  );
  const several = withCurve.some((c) => c.series.length > 1);
  return {
    lines: withCurve.map(({ g, i }) => ({
      key: g.label,
      name: g.label,
      legend: true,
      color: colorOf(g.spec, i),
      width: 1.5,
      opacity: 1,
      ...rowLine(rows, 'alpha', g.label),
    })),
    bands: several
      ? withCurve.map(({ g, i }) => ({
          key: bandKey(g.label),
          name: bandKey(g.label),
          series: g.label,
          color: colorOf(g.spec, i),
          ...rowBand(rows, 'alpha', bandKey(g.label)),
        }))
      : [],
  };
}

const ALPHA = { domain: [-1, 1] as [number, number] };

/** The 2-D heatmaps' shared colour scale over every row received; null before the first. */
function heatmapScale(runs: readonly AnalysisRun[]): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (const r of runs)
    for (const row of r.landscape2d?.rows ?? [])
      for (const v of row ?? []) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        count += 1;
      }
  return count > 0 ? { lo, hi } : null;
}

export const LandscapeView = memo(function LandscapeView({ groups, band, busy, onSlice }: Props) {
  const withCurve = useMemo(
    () =>
      groups
        .map((g, i): Curve => ({ g, i, series: g.series.filter((r) => r.landscape1d !== null) }))
        .filter((c) => c.series.length > 0),
    [groups],
  );
  const curves = useMemo(() => sliceChart(withCurve, band), [withCurve, band]);
  const runs = useMemo(() => groups.map((g) => g.series[0]).filter((r) => r !== undefined), [groups]);
  const scale = useMemo(() => heatmapScale(runs), [runs]);
  return (
    <div>
      <div className="run-controls">
        <button type="button" disabled={busy} onClick={() => onSlice(1)}>
          1-D slice
        </button>
        <button type="button" disabled={busy} onClick={() => onSlice(2)}>
          2-D slice
        </button>
        <span className="caption">Filter-normalised random directions, the same draw for every run.</span>
      </div>
      {curves && (
        <SvgLineChart
          id="landscape"
          lines={curves.lines}
          bands={curves.bands}
          height={220}
          label="1-D loss landscape by α"
          xName="α"
          x={ALPHA}
        />
      )}
      {scale && (
        <div className="heatmaps">
          {runs.map((r) => (
            <Heatmap key={r.label} run={r} lo={scale.lo} hi={scale.hi} />
          ))}
          <p className="caption">
            {groups.some((g) => g.series.length > 1) ? `Seed ${runs[0]?.seed ?? ''}. ` : ''}Shared colour scale: loss{' '}
            {scale.lo.toFixed(2)} (dark) to {scale.hi.toFixed(2)} (light); white lines are contours.
          </p>
        </div>
      )}
    </div>
  );
});
