/**
 * What a sweep heatmap shows of each cell, for the runner's SVG (heatmap.ts) and the page's
 * figure (ui/charts/SweepHeatmap.tsx) alike: its colour on a diverging scale centred on 0 (blue: A
 * ahead, red: B ahead, white: no difference, grey: no number), symmetric up to the largest |mean|
 * of the pair over the grid; its mean paired accuracy difference in points; its sign count; its
 * verdict mark; and a label that reads all of it. Plus the grid's layout: rows the first axis,
 * columns the second, and for 3 axes one grid per value of the third.
 */
import { comparisons, signed } from '../stats/paired';
import type { Verdict } from '../stats/verdict';
import type { SweepAxis } from './spec';
import type { CellResult, PairSummary } from './summary';

/** Mix white with blue (t > 0) or red (t < 0), |t| ≤ 1 (clamped); grey for a non-finite t. */
export function divergingColour(t: number): string {
  if (!Number.isFinite(t)) return '#dddddd';
  const [r, g, b] = t >= 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.min(1, Math.abs(t));
  const mix = (c: number): number => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/** The mark drawn in a cell: ✓/✗ where the verdict rule calls a difference, ~ where it does not. */
export const VERDICT_MARK: Record<Verdict, string> = {
  better: '✓ better',
  worse: '✗ worse',
  noise: '~ noise',
  oneSeed: 'one seed',
  none: 'n/a',
};

const VERDICT_WORDS: Record<Verdict, string> = {
  better: 'passes the verdict rule: better',
  worse: 'passes the verdict rule: worse',
  noise: 'does not pass the verdict rule: within noise',
  oneSeed: 'one seed: no verdict',
  none: 'no seed has both runs: no verdict',
};

/** "MASST K=4 − SST" for each pair of the methods, in comparisons() order (the file's `pairs` order). */
export function pairLabels(methods: readonly string[]): string[] {
  return comparisons(methods).map(([a, b]) => `${a} − ${b}`);
}

/** The largest |mean| of the pair over the cells: the scale's ends are ± this (1e-9 when all are 0 or missing). */
export function heatScale(cells: readonly CellResult[], pair: string): number {
  const means = cells
    .map((c) => Math.abs(c.pairs.find((p) => p.label === pair)?.accuracy.mean ?? NaN))
    .filter(Number.isFinite);
  return Math.max(1e-9, ...means);
}

export interface HeatCell {
  index: number;
  label: string;
  pair: PairSummary | null;
  /** Mean paired accuracy difference, a fraction; NaN without one. */
  mean: number;
  colour: string;
  /** "+6.0" (points), "n/a". */
  meanText: string;
  /** "3/3": seeds with A − B > 0 of the seeds with both; null without the pair. */
  signs: string | null;
  verdict: Verdict;
  /** The verdict rule called a difference (better or worse). */
  passes: boolean;
  /** Reads the numbers: cell, pair, mean, sign count and verdict. */
  ariaLabel: string;
}

export function heatCell(cell: CellResult, pair: string, scale: number): HeatCell {
  const p = cell.pairs.find((x) => x.label === pair) ?? null;
  const mean = p?.accuracy.mean ?? NaN;
  const meanText = Number.isFinite(mean) ? signed(100 * mean, 1) : 'n/a';
  const verdict: Verdict = p?.verdict ?? 'none';
  const signs = p === null ? null : `${p.accuracy.positive}/${p.accuracy.n}`;
  const numbers =
    p === null
      ? `no ${pair} pair`
      : `${pair} ${meanText} points of 10-fold accuracy, ${p.accuracy.positive} of ${p.accuracy.n} seeds positive`;
  return {
    index: cell.index,
    label: cell.label,
    pair: p,
    mean,
    colour: divergingColour(mean / scale),
    meanText,
    signs,
    verdict,
    passes: verdict === 'better' || verdict === 'worse',
    ariaLabel: `${cell.label}: ${numbers}; ${VERDICT_WORDS[verdict]}`,
  };
}

export interface HeatPanel {
  /** "masst.queueMode=fifo" for a 3-axis grid's panel; null otherwise. */
  title: string | null;
  /** [row][column]: rows the first axis's values, columns the second's (one column for 1 axis). */
  cells: HeatCell[][];
}

/** 1 to 3 axes, `cells` row-major with the last axis fastest (core/sweep/spec.ts); one panel per value of a third axis. */
export function heatPanels(axes: readonly SweepAxis[], cells: readonly CellResult[], pair: string): HeatPanel[] {
  const [rows, cols, third] = axes;
  if (rows === undefined) return [];
  const n1 = cols?.values.length ?? 1;
  const n2 = third?.values.length ?? 1;
  const scale = heatScale(cells, pair);
  return Array.from({ length: n2 }, (_, k): HeatPanel => ({
    title: third === undefined ? null : `${third.path}=${third.values[k] ?? ''}`,
    cells: rows.values.map((_r, i) =>
      Array.from({ length: n1 }, (_c, j) => {
        const cell = cells[(i * n1 + j) * n2 + k];
        if (cell === undefined)
          throw new Error(
            `sweep cell ${(i * n1 + j) * n2 + k} is missing: expected ${rows.values.length * n1 * n2} cells for the axes`,
          );
        return heatCell(cell, pair, scale);
      }),
    ),
  }));
}
