/**
 * Rows for a chart of means with bands: one row per x, `row[label]` the mean over seeds and
 * `row["label band"]` its [lo, hi] (chartSeries.ts takes lines and bands from them).
 */
import type { BandKind, BandPoint, Series } from '../../core/stats/bands';
import { bandSeries } from '../../core/stats/bands';

export type BandRow = Record<string, number | [number, number]>;

export const bandKey = (label: string): string => `${label} band`;

export function bandRows(
  lines: ReadonlyArray<{ label: string; points: readonly BandPoint[] }>,
  xKey = 'step',
): BandRow[] {
  const rows = new Map<number, BandRow>();
  for (const { label, points } of lines) {
    for (const p of points) {
      const row = rows.get(p.x) ?? { [xKey]: p.x };
      row[label] = p.mean;
      if (p.n > 1) row[bandKey(label)] = [p.lo, p.hi];
      rows.set(p.x, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** Means and bands of one value over the seeds of each method. */
export function methodBandRows<T>(
  groups: ReadonlyArray<{ label: string; series: readonly T[] }>,
  seriesOf: (s: T) => Series,
  kind: BandKind,
  xKey = 'step',
): BandRow[] {
  return bandRows(
    groups.map((g) => ({ label: g.label, points: bandSeries(g.series.map(seriesOf), kind) })),
    xKey,
  );
}

export const fmtValue = (v: unknown): string =>
  Array.isArray(v)
    ? v.map((x: number) => x.toPrecision(3)).join(' – ')
    : typeof v === 'number'
      ? v.toPrecision(3)
      : String(v);
