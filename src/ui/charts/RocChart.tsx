/**
 * ROC of the latest evaluation on a log-FPR axis plus the untrained probe. One seed: one curve
 * per run. Several seeds: the mean TPR per method over seeds with its band, each seed's ROC read
 * at every seed's FPR points (core/stats/bands.ts).
 */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind, Series } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { MethodGroup } from '../store/views';
import { bandKey, bandRows, fmtValue } from './bandRows';
import { colorOf } from './colors';

const UNTRAINED = 'untrained';
const rocSeries = (r: EvalReport): Series => ({ x: r.roc.fpr, y: r.roc.tpr });

interface Props {
  groups: readonly MethodGroup[];
  untrained: ReadonlyArray<{ seed: number; report: EvalReport }>;
  band: BandKind;
}

export function RocChart({ groups, untrained, band }: Props) {
  const curves = groups
    .map((g, i) => ({ g, i, reports: g.series.map((r) => r.latest).filter((r): r is EvalReport => r !== null) }))
    .filter((c) => c.reports.length > 0);
  if (curves.length === 0 && untrained.length === 0) return <p className="empty">The ROC appears after the first evaluation.</p>;
  const lines = [
    ...(untrained.length > 0 ? [{ label: UNTRAINED, points: bandSeries(untrained.map((u) => rocSeries(u.report)), band) }] : []),
    ...curves.map((c) => ({ label: c.g.label, points: bandSeries(c.reports.map(rocSeries), band) })),
  ];
  const rows = bandRows(lines, 'fpr');
  const lowest = Math.min(1, ...rows.map((r) => r.fpr as number).filter((x) => x > 0));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="fpr" type="number" scale="log" domain={[lowest, 1]} allowDataOverflow tickFormatter={(v: number) => v.toPrecision(1)} label={{ value: 'FPR (log)', position: 'insideBottomRight', offset: -4 }} />
        <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} allowDataOverflow tickFormatter={(v: number) => v.toFixed(2)} />
        <Tooltip formatter={fmtValue} />
        <Legend />
        {curves.map((c) => (
          <Area key={bandKey(c.g.label)} dataKey={bandKey(c.g.label)} stroke="none" fill={colorOf(c.g.spec, c.i)} fillOpacity={0.2} isAnimationActive={false} legendType="none" connectNulls />
        ))}
        {untrained.length > 0 && <Line dataKey={UNTRAINED} stroke="#495057" strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />}
        {curves.map((c) => (
          <Line key={c.g.label} dataKey={c.g.label} stroke={colorOf(c.g.spec, c.i)} dot={false} isAnimationActive={false} connectNulls />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
