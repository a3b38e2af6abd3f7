/** Training loss per run: raw (thin) and EMA-smoothed (thick); one tooltip for every run. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSeries } from '../store/state';

export function LossChart({ runs }: { runs: readonly RunSeries[] }) {
  const first = runs[0];
  if (!first || first.loss.steps.length === 0) return <p className="empty">Loss appears here once training starts.</p>;
  // Runs step in lock-step and are thinned alike, so row k is the same step for every run.
  const rows = first.loss.steps.map((step, k) => {
    const row: Record<string, number> = { step };
    for (const r of runs) {
      row[`${r.label} (raw)`] = r.loss.raw[k] as number;
      row[r.label] = r.loss.smooth[k] as number;
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={['auto', 'auto']} />
        <Tooltip isAnimationActive={false} formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend />
        {runs.map((r) => (
          <Line key={`${r.label}-raw`} dataKey={`${r.label} (raw)`} stroke={r.color} strokeOpacity={0.35} dot={false} isAnimationActive={false} legendType="none" />
        ))}
        {runs.map((r) => (
          <Line key={r.label} dataKey={r.label} stroke={r.color} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
