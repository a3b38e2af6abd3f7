/**
 * ROC of the latest evaluation on a log-FPR axis plus the untrained probe. One seed: one curve
 * per run. Several seeds: the mean TPR per method over seeds with its band, each seed's ROC read
 * at every seed's FPR points (core/stats/bands.ts).
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind, Series } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, bandRows, fmtValue } from './bandRows';
import { colorOf } from './colors';

const UNTRAINED = 'untrained';
const rocSeries = (r: EvalReport): Series => ({ x: r.roc.fpr, y: r.roc.tpr });

type Untrained = ReadonlyArray<{ seed: number; report: EvalReport }>;

interface Props {
  groups: ReadonlyArray<MethodGroup<EvalRun>>;
  untrained: Untrained;
  band: BandKind;
}

interface Curve {
  g: MethodGroup<EvalRun>;
  /** The method's index, for its colour. */
  i: number;
  reports: EvalReport[];
}

/** The untrained probe's and each method's ROC (mean TPR and band over seeds), by FPR. */
function rocRows(curves: readonly Curve[], untrained: Untrained, band: BandKind): BandRow[] {
  return bandRows([
    ...(untrained.length > 0 ? [{ label: UNTRAINED, points: bandSeries(untrained.map((u) => rocSeries(u.report)), band) }] : []),
    ...curves.map((c) => ({ label: c.g.label, points: bandSeries(c.reports.map(rocSeries), band) })),
  ], 'fpr');
}

export const RocChart = memo(function RocChart({ groups, untrained, band }: Props) {
  const curves = useMemo(() => groups
    .map((g, i): Curve => ({ g, i, reports: g.series.map((r) => r.latest).filter((r): r is EvalReport => r !== null) }))
    .filter((c) => c.reports.length > 0), [groups]);
  const rows = useMemo(() => rocRows(curves, untrained, band), [curves, untrained, band]);
  if (curves.length === 0 && untrained.length === 0) return <p className="empty">The ROC appears after the first evaluation.</p>;
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
});
