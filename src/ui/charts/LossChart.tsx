/** Training loss per run: raw (thin) and EMA-smoothed (thick); one tooltip for every run. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSeries } from '../store/state';
import { colorOf } from './colors';

export function LossChart({ runs }: { runs: readonly RunSeries[] }) {
  const first = runs[0];
  if (!first || first.steps.length === 0) return <p className="empty">Loss appears here once training starts.</p>;
  // Runs step in lock-step and are decimated alike, so row k is the same step for every run.
  const rows = first.steps.map((step, k) => {
    const row: Record<string, number> = { step };
    for (const r of runs) {
      row[`${r.label} (raw)`] = r.loss[k] as number;
      row[r.label] = r.smooth[k] as number;
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={['auto', 'auto']} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend />
        {runs.map((r, i) => (
          <Line key={`${r.label}-raw`} dataKey={`${r.label} (raw)`} stroke={colorOf(r.spec, i)} strokeOpacity={0.35} dot={false} isAnimationActive={false} legendType="none" />
        ))}
        {runs.map((r, i) => (
          <Line key={r.label} dataKey={r.label} stroke={colorOf(r.spec, i)} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
