/** ROC of the latest evaluation on a log-FPR axis, one curve per run plus the untrained probe. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { RunSeries } from '../store/state';
import { colorOf } from './colors';

function points(r: EvalReport): Array<{ fpr: number; tpr: number }> {
  return r.roc.fpr.map((fpr, i) => ({ fpr, tpr: r.roc.tpr[i] as number }));
}

export function RocChart({ runs, untrained }: { runs: readonly RunSeries[]; untrained: EvalReport | null }) {
  const curves = runs.filter((r) => r.latest !== null);
  const lowest = Math.min(...[...curves.map((r) => r.latest?.roc.fpr[0] ?? 1), untrained?.roc.fpr[0] ?? 1]);
  if (curves.length === 0 && !untrained) return <p className="empty">The ROC appears after the first evaluation.</p>;
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="fpr" type="number" scale="log" domain={[lowest, 1]} allowDataOverflow tickFormatter={(v: number) => v.toPrecision(1)} label={{ value: 'FPR (log)', position: 'insideBottomRight', offset: -4 }} />
        <YAxis dataKey="tpr" domain={[0, 1]} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
        <Legend />
        {untrained && <Line data={points(untrained)} dataKey="tpr" name="untrained" stroke="#495057" strokeDasharray="6 4" dot={false} isAnimationActive={false} />}
        {curves.map((r, i) => (
          <Line key={r.label} data={points(r.latest as EvalReport)} dataKey="tpr" name={r.label} stroke={colorOf(r.spec, i)} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
