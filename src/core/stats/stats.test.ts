import { describe as group, expect, it } from 'vitest';
import { bandSeries, differenceSeries, interpolate } from './bands';
import { describe } from './describe';
import { comparisons, formatCell, pairedDifferences, signed } from './paired';
import type { SeedOutcome } from './paired';
import { clause, summarySentence, verdictOf } from './verdict';

group('describe', () => {
  it('gives mean, sample sd (n − 1) and range, ignoring non-finite values', () => {
    const d = describe([1, 2, 3, 6, NaN]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(3);
    // deviations −2, −1, 0, 3 → squares 14 → /3
    expect(d.sd).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect([d.min, d.max]).toEqual([1, 6]);
    expect(describe([5]).sd).toBe(0);
    expect(describe([]).n).toBe(0);
  });
});

group('bands over seeds', () => {
  it('summarises every seed over the range they all cover, interpolating between their points', () => {
    const band = bandSeries(
      [
        { x: [1, 2, 3], y: [1, 2, 3] },
        { x: [1, 2], y: [3, 6] },
      ],
      'sd',
    );
    // step 3 is reached by one seed only: left out, not averaged over that seed alone
    expect(band.map((p) => [p.x, p.n, p.mean])).toEqual([
      [1, 2, 2],
      [2, 2, 4],
    ]);
    const p2 = band[1];
    // values 2 and 6: sd = √8
    expect(p2?.lo).toBeCloseTo(4 - Math.sqrt(8), 12);
    expect(p2?.hi).toBeCloseTo(4 + Math.sqrt(8), 12);
    const range = bandSeries(
      [
        { x: [1], y: [1] },
        { x: [1], y: [3] },
        { x: [1], y: [8] },
      ],
      'range',
    );
    expect([range[0]?.lo, range[0]?.mean, range[0]?.hi]).toEqual([1, 4, 8]);
    // grids that differ (two ROCs resampled apart): each read at the other's x by interpolation
    const roc = bandSeries(
      [
        { x: [0, 0.5, 1], y: [0, 0.8, 1] },
        { x: [0, 1], y: [0, 1] },
      ],
      'range',
    );
    expect(roc.map((p) => [p.x, p.n])).toEqual([
      [0, 2],
      [0.5, 2],
      [1, 2],
    ]);
    expect(roc[1]?.mean).toBeCloseTo((0.8 + 0.5) / 2, 12);
    expect([roc[1]?.lo, roc[1]?.hi]).toEqual([0.5, 0.8]);
    expect(interpolate({ x: [0, 10], y: [2, 4] }, 2.5)).toBe(2.5);
  });

  it('pairs differences by seed and step, never across seeds', () => {
    const a = new Map([
      [1, { x: [10, 20], y: [0.7, 0.8] }],
      [2, { x: [10, 20], y: [0.6, 0.9] }],
      [3, { x: [10], y: [0.5] }],
    ]);
    const b = new Map([
      [1, { x: [10, 20], y: [0.6, 0.7] }],
      [2, { x: [10], y: [0.65] }],
    ]);
    const d = differenceSeries(a, b, 'range');
    // seed 3 has no B; seed 2's B stops at step 10: the common range is step 10 only
    expect(d).toHaveLength(1);
    expect(d[0]?.x).toBe(10);
    expect(d[0]?.n).toBe(2);
    expect(d[0]?.mean).toBeCloseTo((0.1 - 0.05) / 2, 12);
    expect(d[0]?.lo).toBeCloseTo(-0.05, 12);
    expect(d[0]?.hi).toBeCloseTo(0.1, 12);
  });
});

const outcome = (label: string, seed: number, accuracy: number, auc = 0.5): SeedOutcome => ({
  label,
  seed,
  accuracy,
  auc,
});

group('paired differences', () => {
  it('orders comparisons as each method against every earlier one, nearest first', () => {
    expect(comparisons(['Conventional', 'SST', 'MASST K=4'])).toEqual([
      ['SST', 'Conventional'],
      ['MASST K=4', 'SST'],
      ['MASST K=4', 'Conventional'],
    ]);
  });

  it('computes per-seed differences, mean ± sd and the sign count by hand', () => {
    const rows = pairedDifferences(
      [
        outcome('Conventional', 1, 0.6, 0.7),
        outcome('SST', 1, 0.65, 0.72),
        outcome('Conventional', 2, 0.62, 0.71),
        outcome('SST', 2, 0.64, 0.7),
        outcome('Conventional', 3, 0.61, 0.69),
        outcome('SST', 3, 0.69, 0.75),
        // seed 4 has no SST run: it must not enter the pairing
        outcome('Conventional', 4, 0.99, 0.99),
      ],
      ['Conventional', 'SST'],
    );
    expect(rows).toHaveLength(1);
    const r = rows[0];
    expect(r?.label).toBe('SST − Conventional');
    expect(r?.seeds).toEqual([1, 2, 3]);
    const acc = r?.accuracy;
    expect(acc?.perSeed.map((v) => Number(v.toFixed(6)))).toEqual([0.05, 0.02, 0.08]);
    expect(acc?.mean).toBeCloseTo(0.05, 12);
    expect(acc?.sd).toBeCloseTo(0.03, 12);
    expect(acc?.positive).toBe(3);
    expect(r?.auc.positive).toBe(2);
    expect(formatCell(acc ?? r!.auc)).toBe('+0.050 ± 0.030 · 3/3');
  });

  it('formats signs with a true minus and a single seed without ±', () => {
    expect(signed(-0.0042)).toBe('−0.004');
    expect(signed(0.00001)).toBe('±0.000');
    const [row] = pairedDifferences([outcome('A', 7, 0.5), outcome('B', 7, 0.541)], ['A', 'B']);
    expect(formatCell(row!.accuracy)).toBe('+0.041 · 1/1');
  });
});

group('summary sentence follows the numbers', () => {
  const row = (perSeed: number[]) => {
    const outs = perSeed.flatMap((d, i) => [outcome('Conventional', i + 1, 0.6), outcome('SST', i + 1, 0.6 + d)]);
    return pairedDifferences(outs, ['Conventional', 'SST'])[0]!;
  };

  it('calls a win only with a sign count and a mean two standard errors clear of zero', () => {
    expect(verdictOf(row([0.05, 0.03, 0.045]).accuracy)).toBe('better');
    expect(clause(row([0.053, 0.029, 0.041]))).toBe('SST beat Conventional on 3 of 3 seeds by 4.1 ± 1.2 points');
    // 4 of 5 positive is enough when the mean is clear of two standard errors…
    expect(verdictOf(row([0.05, 0.04, 0.06, 0.05, -0.001]).accuracy)).toBe('better');
    // …3 of 5 is not…
    expect(verdictOf(row([0.05, 0.04, 0.06, -0.001, -0.001]).accuracy)).toBe('noise');
    // …nor 1 of 3, whatever the mean
    expect(verdictOf(row([0.2, -0.01, -0.01]).accuracy)).toBe('noise');
    // 2 of 3 positive but the mean is inside two standard errors
    expect(verdictOf(row([0.01, 0.01, -0.05]).accuracy)).toBe('noise');
    expect(verdictOf(row([-0.03, -0.04, -0.02]).accuracy)).toBe('worse');
    expect(clause(row([-0.03, -0.04, -0.02]))).toBe('SST fell behind Conventional on 3 of 3 seeds by 3.0 ± 1.0 points');
  });

  it('says "within noise" with the signed mean and the sign count', () => {
    expect(clause(row([-0.01, 0.012, -0.014]))).toBe(
      'SST and Conventional are within noise: −0.4 ± 1.4 points (1 of 3 seeds positive)',
    );
  });

  it('makes no claim from one seed', () => {
    expect(verdictOf(row([0.2]).accuracy)).toBe('oneSeed');
    expect(clause(row([0.2]))).toContain('on the one seed');
  });

  it('joins the clauses into one sentence', () => {
    const text = summarySentence([row([0.053, 0.029, 0.041])]);
    expect(text).toBe(
      'SST beat Conventional on 3 of 3 seeds by 4.1 ± 1.2 points. (10-fold verification accuracy, paired by seed.)',
    );
    expect(summarySentence([])).toBe('');
  });
});
