/**
 * Santurkar-style probes per run: the min–max band over η of the loss along the gradient and of
 * the gradient predictiveness (log scale optional), and the effective β and Lipschitz lines.
 */
import { useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { RunSeries } from '../store/state';
import { colorOf } from './colors';

type Row = Record<string, number | [number, number]>;

/** One row per probe step: value(point) for every run (runs are probed at the same steps). */
function rows(runs: readonly RunSeries[], value: (p: LipschitzPoint) => number | [number, number]): Row[] {
  const first = runs[0];
  if (!first) return [];
  return first.smoothness.map((p, k) => {
    const row: Row = { step: p.step };
    for (const r of runs) {
      const q = r.smoothness[k];
      if (q) row[r.label] = value(q);
    }
    return row;
  });
}

const fmt = (v: unknown) => (Array.isArray(v) ? v.map((x: number) => x.toPrecision(3)).join(' – ') : typeof v === 'number' ? v.toPrecision(3) : String(v));

function Band({ title, runs, value, log }: { title: string; runs: readonly RunSeries[]; value: (p: LipschitzPoint) => [number, number]; log: boolean }) {
  return (
    <div>
      <h3>{title}</h3>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={rows(runs, value)}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={log} tickFormatter={(v: number) => v.toPrecision(2)} />
          <Tooltip formatter={fmt} />
          <Legend />
          {runs.map((r, i) => (
            <Area key={r.label} dataKey={r.label} stroke={colorOf(r.spec, i)} fill={colorOf(r.spec, i)} fillOpacity={0.25} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SmoothnessCharts({ runs }: { runs: readonly RunSeries[] }) {
  const [log, setLog] = useState(false);
  if (!runs[0] || runs[0].smoothness.length === 0) return <p className="empty">Smoothness probes appear every few steps once training runs.</p>;
  const lines = (key: 'beta' | 'lipschitz') => rows(runs, (p) => p[key]);
  return (
    <div className="analysis-grid">
      <label className="toggle">
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log scale
      </label>
      <Band title="Loss along the gradient, L(w − ηg)" runs={runs} value={(p) => [p.lossMin, p.lossMax]} log={log} />
      <Band title="Gradient predictiveness ‖∇L(w) − ∇L(w − ηg)‖" runs={runs} value={(p) => [p.gradPredMin, p.gradPredMax]} log={log} />
      {(['beta', 'lipschitz'] as const).map((key) => (
        <div key={key}>
          <h3>{key === 'beta' ? 'Effective β-smoothness' : 'Loss Lipschitz estimate'}</h3>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={lines(key)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
              <YAxis scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={log} tickFormatter={(v: number) => v.toPrecision(2)} />
              <Tooltip formatter={fmt} />
              <Legend />
              {runs.map((r, i) => (
                <Line key={r.label} dataKey={r.label} stroke={colorOf(r.spec, i)} strokeWidth={2} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ))}
    </div>
  );
}
