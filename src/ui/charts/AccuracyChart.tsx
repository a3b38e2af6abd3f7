/** Verification accuracy ± standard error at each evaluation, the untrained probe dashed. */
import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { RunSeries } from '../store/state';
import { colorOf } from './colors';

export function AccuracyChart({ runs, untrained }: { runs: readonly RunSeries[]; untrained: EvalReport | null }) {
  const steps = [...new Set(runs.flatMap((r) => r.evals.map((e) => e.step)))].sort((a, b) => a - b);
  if (steps.length === 0) {
    return <p className="empty">Accuracy appears at each evaluation{untrained ? ` (untrained probe: ${untrained.accuracy.toFixed(3)})` : ''}.</p>;
  }
  const rows = steps.map((step) => {
    const row: Record<string, number | number[]> = { step };
    for (const r of runs) {
      const e = r.evals.find((x) => x.step === step);
      if (e) {
        row[r.label] = e.accuracy;
        row[`${r.label} se`] = e.stdErr;
      }
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={[0.4, 1]} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend />
        {untrained && <ReferenceLine y={untrained.accuracy} stroke="#495057" strokeDasharray="6 4" label="untrained" />}
        {runs.map((r, i) => (
          <Line key={r.label} dataKey={r.label} stroke={colorOf(r.spec, i)} strokeWidth={2} isAnimationActive={false}>
            <ErrorBar dataKey={`${r.label} se`} width={4} stroke={colorOf(r.spec, i)} />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
