/**
 * Accuracy of A − B at each evaluation, paired by seed: the mean over seeds and its band, with
 * zero marked, so the moment a method pulls ahead (or falls behind) is visible.
 */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { differenceSeries } from '../../core/stats/bands';
import { comparisons } from '../../core/stats/paired';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import { accuracyBySeed } from '../store/views';
import { bandKey, bandRows } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { rowBand, rowLine } from './chartSeries';
import { comparisonColor } from './colors';
import { SvgLineChart } from './SvgLineChart';

type Groups = ReadonlyArray<MethodGroup<EvalRun>>;

const ZERO = [{ y: 0, color: '#495057' }];
const Y = { format: (v: number) => v.toFixed(2) };

/** One line per pair of methods (A − B, paired by seed), mean and band over seeds. */
function differenceLines(groups: Groups, band: BandKind) {
  const byLabel = new Map(groups.map((g) => [g.label, g]));
  return comparisons(groups.map((g) => g.label)).map(([a, b]) => ({
    label: `${a} − ${b}`,
    points: differenceSeries(accuracyBySeed(byLabel.get(a)), accuracyBySeed(byLabel.get(b)), band),
  }));
}

/** Each comparison's mean as a line with dots, its band over seeds under it. */
function differenceChart(lines: ReturnType<typeof differenceLines>): { lines: ChartLine[]; bands: ChartBand[] } {
  const rows = bandRows(lines);
  return {
    lines: lines.map((l, i) => ({
      key: l.label,
      name: l.label,
      legend: true,
      color: comparisonColor(i),
      width: 2,
      opacity: 1,
      dots: true,
      ...rowLine(rows, 'step', l.label),
    })),
    bands: lines.map((l, i) => ({
      key: bandKey(l.label),
      name: bandKey(l.label),
      series: l.label,
      color: comparisonColor(i),
      opacity: 0.15,
      ...rowBand(rows, 'step', bandKey(l.label)),
    })),
  };
}

const NO_LINES: readonly ChartLine[] = [];

/** `ghosts`: imported files' mean differences (import/ghostLines.ts), after the live ones. */
export const DifferenceChart = memo(function DifferenceChart({
  groups,
  band,
  ghosts = NO_LINES,
}: {
  groups: Groups;
  band: BandKind;
  ghosts?: readonly ChartLine[];
}) {
  const lines = useMemo(() => differenceLines(groups, band), [groups, band]);
  const chart = useMemo(() => differenceChart(lines), [lines]);
  // Drawn for ghosts alone, the live comparisons not yet evaluated stay out of the legend.
  const all = useMemo(() => [...chart.lines.filter((l) => l.xs.length > 0), ...ghosts], [chart, ghosts]);
  if (ghosts.length === 0 && lines.length === 0)
    return <p className="empty">Pick at least two methods to see their difference.</p>;
  if (ghosts.length === 0 && lines.every((l) => l.points.length === 0))
    return <p className="empty">The paired difference appears at the first evaluation.</p>;
  return (
    <SvgLineChart
      id="difference"
      lines={all}
      bands={chart.bands}
      refs={ZERO}
      height={240}
      label="Accuracy difference by step, paired by seed"
      y={Y}
    />
  );
});
