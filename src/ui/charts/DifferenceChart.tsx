/**
 * Accuracy of A − B at each evaluation, paired by seed: the mean over seeds and its band, with
 * zero marked, so the moment a method pulls ahead (or falls behind) is visible.
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandKind } from '../../core/stats/bands';
import { differenceSeries } from '../../core/stats/bands';
import { comparisons } from '../../core/stats/paired';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import { accuracyBySeed } from '../store/views';
import { bandKey, bandRows, fmtValue } from './bandRows';

const PALETTE: readonly string[] = ['#1c7ed6', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d'];

type Groups = ReadonlyArray<MethodGroup<EvalRun>>;

/** One line per pair of methods (A − B, paired by seed), mean and band over seeds. */
function differenceLines(groups: Groups, band: BandKind) {
  const byLabel = new Map(groups.map((g) => [g.label, g]));
  return comparisons(groups.map((g) => g.label)).map(([a, b]) => ({
    label: `${a} − ${b}`,
    points: differenceSeries(accuracyBySeed(byLabel.get(a)), accuracyBySeed(byLabel.get(b)), band),
  }));
}

export const DifferenceChart = memo(function DifferenceChart({ groups, band }: { groups: Groups; band: BandKind }) {
  const lines = useMemo(() => differenceLines(groups, band), [groups, band]);
  const rows = useMemo(() => bandRows(lines), [lines]);
  if (lines.length === 0) return <p className="empty">Pick at least two methods to see their difference.</p>;
  if (lines.every((l) => l.points.length === 0)) return <p className="empty">The paired difference appears at the first evaluation.</p>;
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
        <Tooltip formatter={fmtValue} />
        <Legend />
        <ReferenceLine y={0} stroke="#495057" />
        {lines.map((l, i) => (
          <Area key={bandKey(l.label)} dataKey={bandKey(l.label)} stroke="none" fill={PALETTE[i % PALETTE.length] ?? '#495057'} fillOpacity={0.15} isAnimationActive={false} legendType="none" />
        ))}
        {lines.map((l, i) => (
          <Line key={l.label} dataKey={l.label} stroke={PALETTE[i % PALETTE.length] ?? '#495057'} strokeWidth={2} isAnimationActive={false} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
});
