/**
 * Verification accuracy at each evaluation, the untrained probe dashed. One seed: ± the 10-fold
 * standard error. Several seeds: the mean over seeds with its band (and the untrained mean).
 */
import { memo, useMemo } from 'react';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind } from '../../core/stats/bands';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, methodBandRows } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { rowBand, rowLine } from './chartSeries';
import { colorOf } from './colors';
import { SvgLineChart } from './SvgLineChart';

type Groups = ReadonlyArray<MethodGroup<EvalRun>>;

interface Props {
  groups: Groups;
  untrained: ReadonlyArray<{ seed: number; report: EvalReport }>;
  band: BandKind;
  /** Imported runs' lines (import/ghostLines.ts), after the live ones. */
  ghosts?: readonly ChartLine[];
}

const NO_LINES: readonly ChartLine[] = [];

/** Several seeds: mean and band per method. One seed: accuracy and its standard error per run. */
function accuracyRows(groups: Groups, several: boolean, band: BandKind): BandRow[] {
  if (several)
    return methodBandRows(groups, (r) => ({ x: r.evals.map((e) => e.step), y: r.evals.map((e) => e.accuracy) }), band);
  return [...new Set(groups.flatMap((g) => g.series[0]?.evals.map((e) => e.step) ?? []))]
    .sort((a, b) => a - b)
    .map((step) => {
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

/** A line with dots per method (± standard error with one seed), its band with several. */
function accuracyLines(groups: Groups, several: boolean, band: BandKind): { lines: ChartLine[]; bands: ChartBand[] } {
  const rows = accuracyRows(groups, several, band);
  return {
    lines: groups.map((g, i) => ({
      key: g.label,
      name: g.label,
      legend: true,
      color: colorOf(g.spec, i),
      width: 2,
      opacity: 1,
      dots: true,
      ...rowLine(rows, 'step', g.label),
      ...(several ? {} : { errors: rowLine(rows, 'step', `${g.label} se`).ys }),
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

const Y = { domain: [0.4, 1] as [number, number] };

export const AccuracyChart = memo(function AccuracyChart({ groups, untrained, band, ghosts = NO_LINES }: Props) {
  const several = groups.some((g) => g.series.length > 1);
  const chart = useMemo(() => accuracyLines(groups, several, band), [groups, several, band]);
  // Drawn for ghosts alone, the live runs not yet evaluated stay out of the legend.
  const lines = useMemo(() => [...chart.lines.filter((l) => l.xs.length > 0), ...ghosts], [chart, ghosts]);
  const base = untrained.length > 0 ? untrained.reduce((a, u) => a + u.report.accuracy, 0) / untrained.length : null;
  if (ghosts.length === 0 && !groups.some((g) => g.series.some((r) => r.evals.length > 0))) {
    return (
      <p className="empty">
        Accuracy appears at each evaluation{base !== null ? ` (untrained probe: ${base.toFixed(3)})` : ''}.
      </p>
    );
  }
  const refs =
    base === null
      ? []
      : [{ y: base, color: '#495057', dash: '6 4', label: several ? 'untrained (mean)' : 'untrained' }];
  return (
    <SvgLineChart
      id="accuracy"
      lines={lines}
      bands={chart.bands}
      refs={refs}
      height={240}
      label="Verification accuracy by step"
      y={Y}
    />
  );
});
