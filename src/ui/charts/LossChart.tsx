/**
 * Training loss. One seed: per run, raw (thin) and EMA-smoothed (thick). Several seeds: per
 * method, the mean of the smoothed loss over seeds with its band. It follows every batch, so it is
 * drawn as plain SVG (SvgLineChart), not with recharts.
 */
import { memo, useMemo } from 'react';
import type { BandKind } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';
import type { LossRun } from '../store/selectors';
import type { MethodGroup } from '../store/views';
import { bandKey } from './bandRows';
import { colorOf } from './colors';
import type { ChartBand, ChartLine } from './chartSeries';
import { SvgLineChart } from './SvgLineChart';

type Groups = ReadonlyArray<MethodGroup<LossRun>>;

/** The chart's lines and bands; null before the first point. */
export function lossLines(groups: Groups, band: BandKind): { lines: ChartLine[]; bands: ChartBand[] } | null {
  const runs = groups.map((g) => g.series[0]).filter((r) => r !== undefined);
  const first = runs[0];
  if (!first || first.steps.length === 0) return null;
  if (groups.some((g) => g.series.length > 1)) {
    const lines: ChartLine[] = [];
    const bands: ChartBand[] = [];
    groups.forEach((g, i) => {
      const points = bandSeries(
        g.series.map((r) => ({ x: r.steps, y: r.smooth })),
        band,
      );
      const color = colorOf(g.spec, i);
      const xs = points.map((p) => p.x);
      lines.push({
        key: g.label,
        name: `${g.label} (mean of ${g.series.length})`,
        legend: true,
        color,
        width: 2.5,
        opacity: 1,
        xs,
        ys: points.map((p) => p.mean),
      });
      // Where one seed alone reached a step there is no band.
      const banded = points.filter((p) => p.n > 1);
      bands.push({
        key: bandKey(g.label),
        name: bandKey(g.label),
        series: g.label,
        color,
        xs: banded.map((p) => p.x),
        lo: banded.map((p) => p.lo),
        hi: banded.map((p) => p.hi),
      });
    });
    return { lines, bands };
  }
  // One seed: every run's points are at the same steps (lock-step, decimated alike).
  return {
    bands: [],
    lines: runs.flatMap((r, i): ChartLine[] => [
      {
        key: `${r.label} (raw)`,
        name: `${r.label} (raw)`,
        legend: false,
        series: r.label,
        color: colorOf(r.spec, i),
        width: 1,
        opacity: 0.35,
        xs: r.steps,
        ys: r.loss,
      },
      {
        key: r.label,
        name: r.label,
        legend: true,
        color: colorOf(r.spec, i),
        width: 2.5,
        opacity: 1,
        xs: r.steps,
        ys: r.smooth,
      },
    ]),
  };
}

const NO_LINES: readonly ChartLine[] = [];

/** `ghosts`: imported runs' lines (import/ghostLines.ts), drawn after the live ones, alone before training starts. */
export const LossChart = memo(function LossChart({
  groups,
  band,
  ghosts = NO_LINES,
}: {
  groups: Groups;
  band: BandKind;
  ghosts?: readonly ChartLine[];
}) {
  const data = useMemo(() => lossLines(groups, band), [groups, band]);
  const lines = useMemo(() => [...(data?.lines ?? []), ...ghosts], [data, ghosts]);
  if (data === null && ghosts.length === 0) return <p className="empty">Loss appears here once training starts.</p>;
  return <SvgLineChart id="loss" lines={lines} bands={data?.bands ?? []} height={260} label="Training loss by step" />;
});
