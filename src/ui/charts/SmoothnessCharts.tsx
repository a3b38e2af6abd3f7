/**
 * Santurkar-style probes per method: the min–max band over η of the loss along the gradient and
 * of the gradient predictiveness (log scale optional), and the effective β and Lipschitz lines.
 * With several seeds the η-bands' edges are averaged over seeds, and β and Lipschitz show the
 * mean over seeds with the chosen band.
 */
import { memo, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { BandKind } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { AnalysisRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, fmtValue, methodBandRows } from './bandRows';
import { colorOf } from './colors';

type Groups = ReadonlyArray<MethodGroup<AnalysisRun>>;

const seriesOf = (r: AnalysisRun, value: (p: LipschitzPoint) => number) => ({ x: r.smoothness.map((p) => p.step), y: r.smoothness.map(value) });

/** One row per probe step: each method's η-band, its edges averaged over seeds. */
function etaBandRows(groups: Groups, lo: (p: LipschitzPoint) => number, hi: (p: LipschitzPoint) => number): BandRow[] {
  const rows = new Map<number, BandRow>();
  for (const g of groups) {
    const low = bandSeries(g.series.map((r) => seriesOf(r, lo)), 'sd');
    const high = new Map(bandSeries(g.series.map((r) => seriesOf(r, hi)), 'sd').map((p) => [p.x, p.mean]));
    for (const p of low) {
      const row = rows.get(p.x) ?? { step: p.x };
      row[g.label] = [p.mean, high.get(p.x) ?? p.mean];
      rows.set(p.x, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

function Axes({ log }: { log: boolean }) {
  return (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
      <YAxis scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={log} tickFormatter={(v: number) => v.toPrecision(2)} />
      <Tooltip formatter={fmtValue} />
      <Legend />
    </>
  );
}

/** Every chart's rows, computed once per change of the probes or the band (not on the log toggle). */
function smoothnessRows(groups: Groups, band: BandKind) {
  return {
    loss: etaBandRows(groups, (p) => p.lossMin, (p) => p.lossMax),
    gradPred: etaBandRows(groups, (p) => p.gradPredMin, (p) => p.gradPredMax),
    beta: methodBandRows(groups, (r) => seriesOf(r, (p) => p.beta), band),
    lipschitz: methodBandRows(groups, (r) => seriesOf(r, (p) => p.lipschitz), band),
  };
}

function EtaBand({ title, groups, rows, log }: { title: string; groups: Groups; rows: BandRow[]; log: boolean }) {
  return (
    <div>
      <h3>{title}</h3>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={rows}>
          <Axes log={log} />
          {groups.map((g, i) => (
            <Area key={g.label} dataKey={g.label} stroke={colorOf(g.spec, i)} fill={colorOf(g.spec, i)} fillOpacity={0.25} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export const SmoothnessCharts = memo(function SmoothnessCharts({ groups, band }: { groups: Groups; band: BandKind }) {
  const [log, setLog] = useState(false);
  const rows = useMemo(() => smoothnessRows(groups, band), [groups, band]);
  if (!groups.some((g) => g.series.some((r) => r.smoothness.length > 0))) return <p className="empty">Smoothness probes appear every few steps once training runs.</p>;
  const several = groups.some((g) => g.series.length > 1);
  return (
    <div className="analysis-grid">
      <label className="toggle">
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log scale
      </label>
      <EtaBand title="Loss along the gradient, L(w − ηg)" groups={groups} rows={rows.loss} log={log} />
      <EtaBand title="Gradient predictiveness ‖∇L(w) − ∇L(w − ηg)‖" groups={groups} rows={rows.gradPred} log={log} />
      {(['beta', 'lipschitz'] as const).map((key) => (
        <div key={key}>
          <h3>{key === 'beta' ? 'Effective β-smoothness' : 'Loss Lipschitz estimate'}</h3>
          <ResponsiveContainer width="100%" height={200}>
            <ComposedChart data={rows[key]}>
              <Axes log={log} />
              {several && groups.map((g, i) => (
                <Area key={bandKey(g.label)} dataKey={bandKey(g.label)} stroke="none" fill={colorOf(g.spec, i)} fillOpacity={0.2} isAnimationActive={false} legendType="none" />
              ))}
              {groups.map((g, i) => (
                <Line key={g.label} dataKey={g.label} stroke={colorOf(g.spec, i)} strokeWidth={2} isAnimationActive={false} />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      ))}
    </div>
  );
});
