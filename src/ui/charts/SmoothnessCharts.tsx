/**
 * Santurkar-style probes per method: the min–max band over η of the loss along the gradient and
 * of the gradient predictiveness (log scale optional), and the effective β and Lipschitz lines.
 * With several seeds the η-bands' edges are averaged over seeds, and β and Lipschitz show the
 * mean over seeds with the chosen band.
 */
import { memo, useMemo, useState } from 'react';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { BandKind } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { AnalysisRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, methodBandRows } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { rowBand, rowLine } from './chartSeries';
import { colorOf } from './colors';
import { SvgLineChart } from './SvgLineChart';
import type { ChartId } from '../../core/hiddenSeries';

type Groups = ReadonlyArray<MethodGroup<AnalysisRun>>;

const seriesOf = (r: AnalysisRun, value: (p: LipschitzPoint) => number) => ({
  x: r.smoothness.map((p) => p.step),
  y: r.smoothness.map(value),
});

/** One row per probe step: each method's η-band, its edges averaged over seeds. */
function etaBandRows(groups: Groups, lo: (p: LipschitzPoint) => number, hi: (p: LipschitzPoint) => number): BandRow[] {
  const rows = new Map<number, BandRow>();
  for (const g of groups) {
    const low = bandSeries(
      g.series.map((r) => seriesOf(r, lo)),
      'sd',
    );
    const high = new Map(
      bandSeries(
        g.series.map((r) => seriesOf(r, hi)),
        'sd',
      ).map((p) => [p.x, p.mean]),
    );
    for (const p of low) {
      const row = rows.get(p.x) ?? { step: p.x };
      row[g.label] = [p.mean, high.get(p.x) ?? p.mean];
      rows.set(p.x, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

interface Chart {
  /** Its name in the link's hidden series. */
  id: ChartId;
  title: string;
  lines: ChartLine[];
  bands: ChartBand[];
}

/** The η-band of each method, outlined (the chart's only mark, so in the legend). */
function etaChart(id: ChartId, title: string, groups: Groups, rows: readonly BandRow[]): Chart {
  return {
    id,
    title,
    lines: [],
    bands: groups.map((g, i) => ({
      key: g.label,
      name: g.label,
      legend: true,
      color: colorOf(g.spec, i),
      opacity: 0.25,
      stroke: true,
      ...rowBand(rows, 'step', g.label),
    })),
  };
}

/** The mean per method with dots, its band over seeds under it when there are several. */
function meanChart(id: ChartId, title: string, groups: Groups, rows: readonly BandRow[], several: boolean): Chart {
  return {
    id,
    title,
    lines: groups.map((g, i) => ({
      key: g.label,
      name: g.label,
      legend: true,
      color: colorOf(g.spec, i),
      width: 2,
      opacity: 1,
      dots: true,
      ...rowLine(rows, 'step', g.label),
    })),
    bands: several
      ? groups.map((g, i) => ({
          key: bandKey(g.label),
          name: bandKey(g.label),
          series: g.label,
          color: colorOf(g.spec, i),
          ...rowBand(rows, 'step', bandKey(g.label)),
        }))
      : [],
  };
}

/** Imported runs' β and Lipschitz lines (import/ghostLines.ts); the η-band charts draw no ghosts. */
export interface ProbeGhosts {
  beta: readonly ChartLine[];
  lipschitz: readonly ChartLine[];
}

const NO_GHOSTS: ProbeGhosts = { beta: [], lipschitz: [] };

const withGhosts = (c: Chart, ghosts: readonly ChartLine[]): Chart => ({ ...c, lines: [...c.lines, ...ghosts] });

/** Every chart, computed once per change of the probes, the ghosts or the band (not on the log toggle). */
function smoothnessCharts(groups: Groups, band: BandKind, ghosts: ProbeGhosts): Chart[] {
  const several = groups.some((g) => g.series.length > 1);
  return [
    etaChart(
      'etaLoss',
      'Loss along the gradient, L(w − ηg)',
      groups,
      etaBandRows(
        groups,
        (p) => p.lossMin,
        (p) => p.lossMax,
      ),
    ),
    etaChart(
      'etaGrad',
      'Gradient predictiveness ‖∇L(w) − ∇L(w − ηg)‖',
      groups,
      etaBandRows(
        groups,
        (p) => p.gradPredMin,
        (p) => p.gradPredMax,
      ),
    ),
    withGhosts(
      meanChart(
        'beta',
        'Effective β-smoothness',
        groups,
        methodBandRows(groups, (r) => seriesOf(r, (p) => p.beta), band),
        several,
      ),
      ghosts.beta,
    ),
    withGhosts(
      meanChart(
        'lipschitz',
        'Loss Lipschitz estimate',
        groups,
        methodBandRows(groups, (r) => seriesOf(r, (p) => p.lipschitz), band),
        several,
      ),
      ghosts.lipschitz,
    ),
  ];
}

const format = (v: number) => v.toPrecision(2);
const LINEAR = { format };
const LOG = { format, log: true };

export const SmoothnessCharts = memo(function SmoothnessCharts({
  groups,
  band,
  ghosts = NO_GHOSTS,
}: {
  groups: Groups;
  band: BandKind;
  ghosts?: ProbeGhosts;
}) {
  const [log, setLog] = useState(false);
  const charts = useMemo(() => smoothnessCharts(groups, band, ghosts), [groups, band, ghosts]);
  const anyGhost = ghosts.beta.length > 0 || ghosts.lipschitz.length > 0;
  if (!anyGhost && !groups.some((g) => g.series.some((r) => r.smoothness.length > 0)))
    return <p className="empty">Smoothness probes appear every few steps once training runs.</p>;
  return (
    <div className="analysis-grid">
      <label className="toggle">
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log scale
      </label>
      {charts.map((c) => (
        <div key={c.title}>
          <h3>{c.title}</h3>
          <SvgLineChart id={c.id} lines={c.lines} bands={c.bands} height={200} label={c.title} y={log ? LOG : LINEAR} />
        </div>
      ))}
    </div>
  );
});
