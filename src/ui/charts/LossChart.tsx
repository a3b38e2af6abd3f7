/**
 * Training loss. One seed: per run, raw (thin) and EMA-smoothed (thick). Several seeds: per
 * method, the mean of the smoothed loss over seeds with its band.
 */
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandKind } from '../../core/stats/bands';
import type { LossRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, fmtValue, methodBandRows } from './bandRows';
import { colorOf } from './colors';

type Groups = ReadonlyArray<MethodGroup<LossRun>>;

/** The chart's rows: the mean and band per method (several seeds) or raw and smoothed per run (one); null before the first point. */
function lossRows(groups: Groups, band: BandKind): { several: boolean; rows: BandRow[] } | null {
  const runs = groups.map((g) => g.series[0]).filter((r) => r !== undefined);
  const first = runs[0];
  if (!first || first.steps.length === 0) return null;
  if (groups.some((g) => g.series.length > 1)) return { several: true, rows: methodBandRows(groups, (r) => ({ x: r.steps, y: r.smooth }), band) };
  // One seed: every run's rows are the same steps (lock-step, decimated alike).
  const rows = first.steps.map((step, k) => {
    const row: BandRow = { step };
    for (const r of runs) {
      row[`${r.label} (raw)`] = r.loss[k] as number;
      row[r.label] = r.smooth[k] as number;
    }
    return row;
  });
  return { several: false, rows };
}

export const LossChart = memo(function LossChart({ groups, band }: { groups: Groups; band: BandKind }) {
  const data = useMemo(() => lossRows(groups, band), [groups, band]);
  if (data === null) return <p className="empty">Loss appears here once training starts.</p>;
  const { rows } = data;
  if (data.several) {
    return (
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis domain={['auto', 'auto']} />
          <Tooltip formatter={fmtValue} />
          <Legend />
          {groups.map((g, i) => (
            <Area key={bandKey(g.label)} dataKey={bandKey(g.label)} stroke="none" fill={colorOf(g.spec, i)} fillOpacity={0.2} isAnimationActive={false} legendType="none" connectNulls />
          ))}
          {groups.map((g, i) => (
            <Line key={g.label} dataKey={g.label} name={`${g.label} (mean of ${g.series.length})`} stroke={colorOf(g.spec, i)} strokeWidth={2.5} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    );
  }
  const runs = groups.map((g) => g.series[0]).filter((r) => r !== undefined);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
        <YAxis domain={['auto', 'auto']} />
        <Tooltip formatter={fmtValue} />
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
});
