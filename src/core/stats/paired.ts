/**
 * Paired differences between methods, by seed (never pooled): for each comparison "A − B" and
 * each seed where both ran, A's final metric minus B's; reported as mean ± sd over seeds and how
 * many seeds are positive, e.g. "+0.041 ± 0.012 · 3/3". The page, the runner and results.json
 * (`pairedDifferences`) all use this one computation.
 */
import { describe } from './describe';

/** The final evaluation of one run on one seed, as much of it as the paired table reads. */
export interface SeedOutcome {
  label: string;
  seed: number;
  accuracy: number;
  auc: number;
}

export const PAIRED_METRICS = ['accuracy', 'auc'] as const;
export type PairedMetric = (typeof PAIRED_METRICS)[number];

export interface PairedCell {
  /** A − B per seed, in the order of `seeds`. */
  perSeed: number[];
  mean: number;
  /** Sample sd over seeds (0 for one seed). */
  sd: number;
  /** Seeds with A − B > 0. */
  positive: number;
  n: number;
}

export interface PairedRow {
  /** "SST − Conventional". */
  label: string;
  a: string;
  b: string;
  seeds: number[];
  accuracy: PairedCell;
  auc: PairedCell;
}

/**
 * The comparisons of a set of methods in their configured order: each method against every
 * earlier one, nearest first (Conventional, SST, MASST → SST − Conventional, MASST − SST,
 * MASST − Conventional).
 */
export function comparisons(labels: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  labels.forEach((a, j) => {
    for (let i = j - 1; i >= 0; i--) out.push([a, labels[i] as string]);
  });
  return out;
}

/**
 * Over the seeds with a finite difference (a diverged run's NaN accuracy is not a seed's vote).
 * Exported for other paired quantities (the sweep's smoothness differences).
 */
export function pairedCell(values: number[]): PairedCell {
  const finite = values.filter((v) => Number.isFinite(v));
  const d = describe(finite);
  return { perSeed: values, mean: d.mean, sd: d.sd, positive: finite.filter((v) => v > 0).length, n: finite.length };
}

/** `labels` fixes the order of the methods; outcomes of labels not listed are ignored. */
export function pairedDifferences(outcomes: readonly SeedOutcome[], labels: readonly string[]): PairedRow[] {
  const at = new Map(outcomes.map((o) => [`${o.label}\u0000${o.seed}`, o]));
  const seedsOf = (label: string): number[] => outcomes.filter((o) => o.label === label).map((o) => o.seed);
  return comparisons(labels).map(([a, b]) => {
    const bSeeds = new Set(seedsOf(b));
    const seeds = [...new Set(seedsOf(a))].filter((s) => bSeeds.has(s)).sort((x, y) => x - y);
    const diff = (metric: PairedMetric): number[] =>
      seeds.map(
        (s) => (at.get(`${a}\u0000${s}`) as SeedOutcome)[metric] - (at.get(`${b}\u0000${s}`) as SeedOutcome)[metric],
      );
    return { label: `${a} − ${b}`, a, b, seeds, accuracy: pairedCell(diff('accuracy')), auc: pairedCell(diff('auc')) };
  });
}

/** Signed with a true minus sign: "+0.041", "−0.004". */
export function signed(x: number, digits = 3): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** "+0.041 ± 0.012 · 3/3" (no ± for one seed; "n/a" for none). */
export function formatCell(c: PairedCell, digits = 3): string {
  if (c.n === 0) return 'n/a';
  const spread = c.n > 1 ? ` ± ${c.sd.toFixed(digits)}` : '';
  return `${signed(c.mean, digits)}${spread} · ${c.positive}/${c.n}`;
}
