/**
 * Loss-landscape slices on demand: 1-D curves per method (with several seeds, the mean over
 * seeds and its band), and 2-D heatmaps with contours per run of the first seed on one shared
 * colour scale, drawn row by row as the workers stream them.
 */
import { useEffect, useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandKind } from '../../core/stats/bands';
import type { RunSeries } from '../store/state';
import type { MethodGroup } from '../store/views';
import { bandKey, fmtValue, methodBandRows } from './bandRows';
import { colorOf } from './colors';
import { contourSegments, ramp } from './heatmap';

const CELL = 8;

function Heatmap({ run, lo, hi }: { run: RunSeries; lo: number; hi: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = run.landscape2d;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !grid) return;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    const span = hi - lo || 1;
    grid.rows.forEach((row, y) => row?.forEach((v, x) => {
      const [r, g, b] = ramp((v - lo) / span);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(x * CELL, y * CELL, CELL, CELL);
    }));
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
      <canvas ref={ref} width={size} height={grid.alphas.length * CELL} role="img" aria-label={`${run.label} 2-D loss landscape`} />
      <figcaption>{run.label} · step {grid.step}</figcaption>
    </figure>
  );
}

interface Props {
  groups: readonly MethodGroup[];
  band: BandKind;
  busy: boolean;
  onSlice: (dims: 1 | 2) => void;
}

export function LandscapeView({ groups, band, busy, onSlice }: Props) {
  const withCurve = groups
    .map((g, i) => ({ g, i, series: g.series.filter((r) => r.landscape1d !== null) }))
    .filter((c) => c.series.length > 0);
  const several = withCurve.some((c) => c.series.length > 1);
  const data = withCurve.length === 0 ? null : methodBandRows(
    withCurve.map((c) => ({ label: c.g.label, series: c.series })),
    (r) => ({ x: r.landscape1d?.alphas ?? [], y: r.landscape1d?.losses ?? [] }),
    band,
    'alpha',
  );
  const runs = groups.map((g) => g.series[0]).filter((r): r is RunSeries => r !== undefined);
  const values = runs.flatMap((r) => r.landscape2d?.rows.flatMap((row) => row ?? []) ?? []);
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  return (
    <div>
      <div className="run-controls">
        <button type="button" disabled={busy} onClick={() => onSlice(1)}>1-D slice</button>
        <button type="button" disabled={busy} onClick={() => onSlice(2)}>2-D slice</button>
        <span className="caption">Filter-normalised random directions, the same draw for every run.</span>
      </div>
      {data && (
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="alpha" type="number" domain={[-1, 1]} />
            <YAxis domain={['auto', 'auto']} />
            <Tooltip formatter={fmtValue} />
            <Legend />
            {several && withCurve.map(({ g, i }) => (
              <Area key={bandKey(g.label)} dataKey={bandKey(g.label)} stroke="none" fill={colorOf(g.spec, i)} fillOpacity={0.2} isAnimationActive={false} legendType="none" />
            ))}
            {withCurve.map(({ g, i }) => (
              <Line key={g.label} dataKey={g.label} stroke={colorOf(g.spec, i)} dot={false} isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      )}
      {values.length > 0 && (
        <div className="heatmaps">
          {runs.map((r) => <Heatmap key={r.label} run={r} lo={lo} hi={hi} />)}
          <p className="caption">
            {groups.some((g) => g.series.length > 1) ? `Seed ${runs[0]?.seed ?? ''}. ` : ''}Shared colour scale: loss {lo.toFixed(2)} (dark) to {hi.toFixed(2)} (light); white lines are contours.
          </p>
        </div>
      )}
    </div>
  );
}
