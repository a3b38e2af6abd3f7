/**
 * ROC of the latest evaluation on a log-FPR axis plus the untrained probe. One seed: one curve
 * per run. Several seeds: the mean TPR per method over seeds with its band, each seed's ROC read
 * at every seed's FPR points (core/stats/bands.ts).
 */
import { memo, useMemo } from 'react';
import type { EvalReport } from '../../core/eval/report';
import type { BandKind, Series } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { EvalRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import type { BandRow } from './bandRows';
import { bandKey, bandRows } from './bandRows';
import type { ChartBand, ChartLine } from './chartSeries';
import { rowBand, rowLine } from './chartSeries';
import { colorOf } from './colors';
import { SvgLineChart } from './SvgLineChart';
import { minOf } from '../../core/stats/extremes';

const UNTRAINED = 'untrained';
const rocSeries = (r: EvalReport): Series => ({ x: r.roc.fpr, y: r.roc.tpr });

type Untrained = ReadonlyArray<{ seed: number; report: EvalReport }>;

interface Props {
  groups: ReadonlyArray<MethodGroup<EvalRun>>;
  untrained: Untrained;
  band: BandKind;
  /** Imported runs' ROC lines (import/ghostLines.ts), after the live ones. */
  ghosts?: readonly ChartLine[];
}

const NO_LINES: readonly ChartLine[] = [];

/** The lowest positive FPR of the lines, or 1: where the log axis starts. */
function lowestFpr(lines: readonly ChartLine[], from: number): number {
  let lowest = from;
  for (const l of lines)
    for (let i = 0; i < l.xs.length; i++) {
      const x = l.xs[i] as number;
      if (x > 0 && x < lowest) lowest = x;
    }
  return lowest;
}

interface Curve {
  g: MethodGroup<EvalRun>;
  /** The method's index, for its colour. */
  i: number;
  reports: EvalReport[];
}

/** The untrained probe's and each method's ROC (mean TPR and band over seeds), by FPR. */
function rocRows(curves: readonly Curve[], untrained: Untrained, band: BandKind): BandRow[] {
  return bandRows(
    [
      ...(untrained.length > 0
        ? [
            {
              label: UNTRAINED,
              points: bandSeries(
                untrained.map((u) => rocSeries(u.report)),
                band,
              ),
            },
          ]
        : []),
      ...curves.map((c) => ({ label: c.g.label, points: bandSeries(c.reports.map(rocSeries), band) })),
    ],
    'fpr',
  );
}

/** The untrained probe dashed, each method's mean TPR with its band, the FPR axis from the lowest FPR reached. */
function rocChart(
  rows: readonly BandRow[],
  curves: readonly Curve[],
  untrained: Untrained,
): { lines: ChartLine[]; bands: ChartBand[]; lowest: number } {
  const lines: ChartLine[] = curves.map((c) => ({
    key: c.g.label,
    name: c.g.label,
    legend: true,
    color: colorOf(c.g.spec, c.i),
    width: 1.5,
    opacity: 1,
    connect: true,
    ...rowLine(rows, 'fpr', c.g.label),
  }));
  if (untrained.length > 0)
    lines.unshift({
      key: UNTRAINED,
      name: UNTRAINED,
      legend: true,
      color: '#495057',
      width: 1.5,
      opacity: 1,
      dash: '6 4',
      connect: true,
      ...rowLine(rows, 'fpr', UNTRAINED),
    });
  return {
    lines,
    bands: curves.map((c) => ({
      key: bandKey(c.g.label),
      name: bandKey(c.g.label),
      series: c.g.label,
      color: colorOf(c.g.spec, c.i),
      ...rowBand(rows, 'fpr', bandKey(c.g.label)),
    })),
    lowest: minOf(
      rows.map((r) => r.fpr as number).filter((x) => x > 0),
      1,
    ),
  };
}

const Y = { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1], format: (v: number) => v.toFixed(2) };

export const RocChart = memo(function RocChart({ groups, untrained, band, ghosts = NO_LINES }: Props) {
  const curves = useMemo(
    () =>
      groups
        .map((g, i): Curve => ({
          g,
          i,
          reports: g.series.map((r) => r.latest).filter((r): r is EvalReport => r !== null),
        }))
        .filter((c) => c.reports.length > 0),
    [groups],
  );
  const chart = useMemo(() => rocChart(rocRows(curves, untrained, band), curves, untrained), [curves, untrained, band]);
  const lines = useMemo(() => [...chart.lines, ...ghosts], [chart, ghosts]);
  const lowest = useMemo(() => lowestFpr(ghosts, chart.lowest), [ghosts, chart.lowest]);
  const x = useMemo(
    () => ({
      domain: [lowest, 1] as [number, number],
      log: true,
      label: 'FPR (log)',
      format: (v: number) => v.toPrecision(1),
    }),
    [lowest],
  );
  if (curves.length === 0 && untrained.length === 0 && ghosts.length === 0)
    return <p className="empty">The ROC appears after the first evaluation.</p>;
  return (
    <SvgLineChart
      id="roc"
      lines={lines}
      bands={chart.bands}
      height={240}
      label="ROC of the latest evaluation"
      xName="FPR"
      x={x}
      y={Y}
    />
  );
});
