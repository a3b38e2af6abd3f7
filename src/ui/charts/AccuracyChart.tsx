/**
 * Verification accuracy at each evaluation, the untrained probe dashed. One seed: ± the 10-fold
 * standard error. Several seeds: the mean over seeds with its band (and the untrained mean).
 */
import { Area, CartesianGrid, ComposedChart, ErrorBar, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind } from '../../core/stats/bands';
import type { MethodGroup } from '../store/views';
import { bandKey, fmtValue, methodBandRows } from './bandRows';
import { colorOf } from './colors';

interface Props {
  groups: readonly MethodGroup[];
  untrained: ReadonlyArray<{ seed: number; report: EvalReport }>;
  band: BandKind;
}

export function AccuracyChart({ groups, untrained, band }: Props) {
  const base = untrained.length > 0 ? untrained.reduce((a, u) => a + u.report.accuracy, 0) / untrained.length : null;
  if (!groups.some((g) => g.series.some((r) => r.evals.length > 0))) {
    return <p className="empty">Accuracy appears at each evaluation{base !== null ? ` (untrained probe: ${base.toFixed(3)})` : ''}.</p>;
  }
  const several = groups.some((g) => g.series.length > 1);
  const rows = several
    ? methodBandRows(groups, (r) => ({ x: r.evals.map((e) => e.step), y: r.evals.map((e) => e.accuracy) }), band)
    : [...new Set(groups.flatMap((g) => g.series[0]?.evals.map((e) => e.step) ?? []))].sort((a, b) => a - b).map((step) => {
        const row: Record<string, number> = { step };
        for (const g of groups) {
          const e = g.series[0]?.evals.find((x) => x.step === step);
          if (e) {
            row[g.label] = e.accuracy;
            row[`${g.label} se`] = e.stdErr;
          }
        }
        return row;
      });
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={[0.4, 1]} />
        <Tooltip formatter={fmtValue} />
        <Legend />
        {base !== null && <ReferenceLine y={base} stroke="#495057" strokeDasharray="6 4" label={{ value: several ? 'untrained (mean)' : 'untrained', position: 'insideBottomRight', fontSize: 11 }} />}
        {several && groups.map((g, i) => (
          <Area key={bandKey(g.label)} dataKey={bandKey(g.label)} stroke="none" fill={colorOf(g.spec, i)} fillOpacity={0.2} isAnimationActive={false} legendType="none" />
        ))}
        {groups.map((g, i) => (
          <Line key={g.label} dataKey={g.label} stroke={colorOf(g.spec, i)} strokeWidth={2} isAnimationActive={false}>
            {!several && <ErrorBar dataKey={`${g.label} se`} width={4} stroke={colorOf(g.spec, i)} />}
          </Line>
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
