/**
 * A sweep's numbers per cell: each run's outcome, the paired differences of every method pair by
 * seed (core/stats/paired.ts) with the verdict (stats/verdict.ts), and the paired differences of
 * the smoothness summaries (each run's median Lipschitz estimate and median β over its probes).
 * Plus the views of them: the table sorted by effect and the tidy CSV (one row per cell × method ×
 * seed).
 */
import type { RunSpec } from '../config';
import { runLabel } from '../config';
import type { PairedCell, PairedRow } from '../stats/paired';
import { comparisons, formatCell, pairedCell, pairedDifferences } from '../stats/paired';
import type { Verdict } from '../stats/verdict';
import { clause, summarySentence, verdictOf } from '../stats/verdict';
import type { SweepCell } from './spec';

/** As much of a trained run's record as the sweep reads (the runner's RunResult has it). */
export interface RunRecordView {
  eval: { accuracy: number; auc: number } | null;
  diverged: { step: number; what: string } | null;
  interrupted: boolean;
  analysis: { lipschitz: ReadonlyArray<{ lipschitz: number; beta: number }> };
}

/** One run of a cell (a run shared by several cells appears in each). */
export interface SweepRun {
  key: string;
  label: string;
  seed: number;
  /** Taken from the run store, not trained by this sweep. */
  reused: boolean;
  /** Final 10-fold accuracy and AUC; null without a final evaluation (diverged). */
  accuracy: number | null;
  auc: number | null;
  /** Median over the run's smoothness probes; null without probes. */
  medianLipschitz: number | null;
  medianBeta: number | null;
  /** Wall time of the run's training job when it was trained (also for a reused run), s. */
  seconds: number;
  /** "step 37: loss NaN"; null when it never diverged. */
  diverged: string | null;
}

export interface PairSummary extends PairedRow {
  verdict: Verdict;
  /** The verdict in words (stats/verdict.ts clause). */
  sentence: string;
  /** A − B of the runs' median Lipschitz estimates and median β, by seed; null without probes. */
  lipschitz: PairedCell | null;
  beta: PairedCell | null;
}

export interface CellResult {
  index: number;
  label: string;
  settings: Record<string, string>;
  runs: SweepRun[];
  pairs: PairSummary[];
  summary: string;
  /** Sum of its runs' training wall times (a run shared with other cells counts in each), s. */
  trainSeconds: number;
}

export function median(xs: readonly number[]): number | null {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function sweepRun(
  record: RunRecordView,
  meta: { key: string; label: string; seed: number; reused: boolean; seconds: number },
): SweepRun {
  const points = record.analysis.lipschitz;
  return {
    ...meta,
    accuracy: record.eval?.accuracy ?? null,
    auc: record.eval?.auc ?? null,
    medianLipschitz: median(points.map((p) => p.lipschitz)),
    medianBeta: median(points.map((p) => p.beta)),
    diverged: record.diverged === null ? null : `step ${record.diverged.step}: ${record.diverged.what}`,
  };
}

/** A − B of a per-run quantity over `seeds`; null when no seed has both. */
function pairedOf(
  runs: readonly SweepRun[],
  a: string,
  b: string,
  seeds: readonly number[],
  get: (r: SweepRun) => number | null,
): PairedCell | null {
  const at = (label: string, seed: number): number | null => {
    const r = runs.find((x) => x.label === label && x.seed === seed);
    return r === undefined ? null : get(r);
  };
  const diffs = seeds.map((s) => {
    const x = at(a, s);
    const y = at(b, s);
    return x === null || y === null ? NaN : x - y;
  });
  return diffs.some(Number.isFinite) ? pairedCell(diffs) : null;
}

export function summarizeCell(cell: SweepCell, methods: readonly RunSpec[], runs: SweepRun[]): CellResult {
  const labels = methods.map(runLabel);
  const outcomes = runs
    .filter((r) => r.accuracy !== null && r.auc !== null)
    .map((r) => ({ label: r.label, seed: r.seed, accuracy: r.accuracy as number, auc: r.auc as number }));
  const rows = pairedDifferences(outcomes, labels);
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((x, y) => x - y);
  const pairs = comparisons(labels).map(([a, b], i): PairSummary => {
    const row = rows[i] as PairedRow;
    return {
      ...row,
      verdict: verdictOf(row.accuracy),
      sentence: clause(row),
      lipschitz: pairedOf(runs, a, b, seeds, (r) => r.medianLipschitz),
      beta: pairedOf(runs, a, b, seeds, (r) => r.medianBeta),
    };
  });
  return {
    index: cell.index,
    label: cell.label,
    settings: cell.settings,
    runs,
    pairs,
    summary: summarySentence(rows),
    trainSeconds: runs.reduce((t, r) => t + r.seconds, 0),
  };
}

const VERDICT_WORD: Record<Verdict, string> = {
  better: 'better',
  worse: 'worse',
  noise: 'within noise',
  oneSeed: 'one seed',
  none: 'no seeds',
};

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/** One row per cell × method pair, the largest mean accuracy difference first. */
export function effectTable(cells: readonly CellResult[]): string {
  const rows = cells
    .flatMap((c) => c.pairs.map((p) => ({ c, p })))
    .sort(
      (x, y) =>
        (Number.isFinite(y.p.accuracy.mean) ? y.p.accuracy.mean : -Infinity) -
        (Number.isFinite(x.p.accuracy.mean) ? x.p.accuracy.mean : -Infinity),
    )
    .map(({ c, p }) => [
      c.label,
      p.label,
      formatCell(p.accuracy),
      VERDICT_WORD[p.verdict],
      p.lipschitz ? formatCell(p.lipschitz) : 'n/a',
      p.beta ? formatCell(p.beta) : 'n/a',
    ]);
  const header = [
    'cell',
    'pair (A − B, paired by seed)',
    '10-fold accuracy',
    'verdict',
    'median Lipschitz',
    'median β',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

const csvField = (v: string | number | boolean | null): string => {
  if (v === null) return '';
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Tidy: one row per cell × method × seed, one column per axis. */
export function tidyCsv(axes: readonly string[], cells: readonly CellResult[]): string {
  const header = [
    'cell',
    ...axes,
    'method',
    'seed',
    'run_key',
    'reused',
    'accuracy',
    'auc',
    'median_lipschitz',
    'median_beta',
    'train_seconds',
    'diverged',
  ];
  const rows = cells.flatMap((c) =>
    c.runs.map((r) =>
      [
        c.index,
        ...axes.map((a) => c.settings[a] ?? null),
        r.label,
        r.seed,
        r.key,
        r.reused,
        r.accuracy,
        r.auc,
        r.medianLipschitz,
        r.medianBeta,
        Number(r.seconds.toFixed(3)),
        r.diverged,
      ]
        .map(csvField)
        .join(','),
    ),
  );
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}
