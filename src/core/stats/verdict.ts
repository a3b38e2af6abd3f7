/**
 * The plain-language summary of a paired table: one clause per comparison, each tied to its
 * numbers and its sign count, never a claim without one. In 10-fold accuracy points (×100).
 *
 * A difference is called a win (or a loss) only when, over n ≥ 2 seeds, at least ⌈2n/3⌉ of them
 * have that sign (2 of 2, 2 of 3, 3 of 4, 4 of 5 …) and the mean is at least two standard errors
 * (2·sd/√n) away from zero; everything else is "within noise". One seed is reported with its number
 * and no verdict.
 */
import type { PairedCell, PairedRow } from './paired';
import { signed } from './paired';

export type Verdict = 'better' | 'worse' | 'noise' | 'oneSeed' | 'none';

export function verdictOf(c: PairedCell): Verdict {
  if (c.n === 0) return 'none';
  if (c.n === 1) return 'oneSeed';
  const needed = Math.ceil((2 * c.n) / 3);
  const negative = c.perSeed.filter((v) => v < 0).length;
  const clear = Math.abs(c.mean) >= (2 * c.sd) / Math.sqrt(c.n);
  if (clear && c.mean > 0 && c.positive >= needed) return 'better';
  if (clear && c.mean < 0 && negative >= needed) return 'worse';
  return 'noise';
}

const points = (x: number): string => (Math.abs(x) * 100).toFixed(1);

/** One clause for one row, e.g. "SST beat Conventional on 3 of 3 seeds by 4.1 ± 1.2 points". */
export function clause(row: PairedRow): string {
  const c = row.accuracy;
  const sd = (100 * c.sd).toFixed(1);
  switch (verdictOf(c)) {
    case 'better':
      return `${row.a} beat ${row.b} on ${c.positive} of ${c.n} seeds by ${points(c.mean)} ± ${sd} points`;
    case 'worse': {
      const negative = c.perSeed.filter((v) => v < 0).length;
      return `${row.a} fell behind ${row.b} on ${negative} of ${c.n} seeds by ${points(c.mean)} ± ${sd} points`;
    }
    case 'noise':
      return `${row.a} and ${row.b} are within noise: ${signed(100 * c.mean, 1)} ± ${sd} points (${c.positive} of ${c.n} seeds positive)`;
    case 'oneSeed':
      return `${row.a} − ${row.b} is ${signed(100 * c.mean, 1)} points on the one seed (run more seeds to tell a difference from noise)`;
    case 'none':
      return `${row.a} and ${row.b} share no finished seed yet`;
  }
}

/** The whole summary: the clauses joined, ending in a full stop; "" for no rows. */
export function summarySentence(rows: readonly PairedRow[]): string {
  if (rows.length === 0) return '';
  const text = rows.map(clause).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}. (10-fold verification accuracy, paired by seed.)`;
}
