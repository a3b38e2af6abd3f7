/**
 * Verification accuracy at each evaluation, the untrained probe dashed. One seed: ± the 10-fold
 * standard error. Several seeds: the mean over seeds with its band (and the untrained mean).
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, ErrorBar, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind } from '../../core/stats/bands';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, fmtValue, methodBandRows } from './bandRows';
import { colorOf } from './colors';

type Groups = ReadonlyArray<MethodGroup<EvalRun>>;

interface Props {
  groups: Groups;
  untrained: ReadonlyArray<{ seed: number; report: EvalReport }>;
  band: BandKind;
}

/** Several seeds: mean and band per method. One seed: accuracy and its standard error per run. */
function accuracyRows(groups: Groups, several: boolean, band: BandKind): BandRow[] {
  if (several) return methodBandRows(groups, (r) => ({ x: r.evals.map((e) => e.step), y: r.evals.map((e) => e.accuracy) }), band);
  return [...new Set(groups.flatMap((g) => g.series[0]?.evals.map((e) => e.step) ?? []))].sort((a, b) => a - b).map((step) => {
    const row: BandRow = { step };
    for (const g of groups) {
      const e = g.series[0]?.evals.find((x) => x.step === step);
      if (e) {
        row[g.label] = e.accuracy;
        row[`${g.label} se`] = e.stdErr;
      }
    }
    return row;
  });
}

export const AccuracyChart = memo(function AccuracyChart({ groups, untrained, band }: Props) {
  const several = groups.some((g) => g.series.length > 1);
  const rows = useMemo(() => accuracyRows(groups, several, band), [groups, several, band]);
  const base = untrained.length > 0 ? untrained.reduce((a, u) => a + u.report.accuracy, 0) / untrained.length : null;
  if (!groups.some((g) => g.series.some((r) => r.evals.length > 0))) {
    return <p className="empty">Accuracy appears at each evaluation{base !== null ? ` (untrained probe: ${base.toFixed(3)})` : ''}.</p>;
  }
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
});
