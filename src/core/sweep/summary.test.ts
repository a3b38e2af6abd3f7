import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../config';
import { presetConfig } from '../presets';
import { heatmapSvg } from './heatmap';
import type { SweepCell } from './spec';
import type { SweepRun } from './summary';
import { effectTable, median, summarizeCell, sweepRun, tidyCsv } from './summary';

const methods: RunSpec[] = [
  { method: 'sst', agents: 1 },
  { method: 'masst', agents: 4 },
];
const cell = (index: number, value: string): SweepCell => ({
  index,
  settings: { 'masst.agentAlpha': value },
  label: `masst.agentAlpha=${value}`,
  config: presetConfig('demo'),
});

const run = (label: string, seed: number, accuracy: number, lipschitz: number | null, seconds = 10): SweepRun => ({
  key: `run-${label}-${seed}`,
  label,
  seed,
  reused: false,
  accuracy,
  auc: accuracy,
  medianLipschitz: lipschitz,
  medianBeta: lipschitz === null ? null : lipschitz / 2,
  seconds,
  diverged: null,
});

/**
 * MASST − SST by seed: 0.80−0.70 = 0.10, 0.78−0.72 = 0.06, 0.75−0.73 = 0.02:
 * mean 0.06, sd √(((0.04)² + 0 + (−0.04)²)/2) = 0.04, 3 of 3 positive; 2·sd/√3 = 0.0462 < 0.06 → better.
 * Lipschitz MASST − SST: 3−5 = −2, 4−4 = 0, 2−5 = −3: mean −5/3, sd √((1/9 + 25/9 + 16/9)/2) = √(7/3).
 */
const winning = [
  run('SST', 1, 0.7, 5),
  run('SST', 2, 0.72, 4),
  run('SST', 3, 0.73, 5),
  run('MASST K=4', 1, 0.8, 3),
  run('MASST K=4', 2, 0.78, 4),
  run('MASST K=4', 3, 0.75, 2),
];
/** −0.01, +0.01, −0.03: mean −0.01, sd 0.02, 1 of 3 positive → within noise. */
const even = [
  run('SST', 1, 0.7, null),
  run('SST', 2, 0.7, null),
  run('SST', 3, 0.7, null),
  run('MASST K=4', 1, 0.69, null),
  run('MASST K=4', 2, 0.71, null),
  run('MASST K=4', 3, 0.67, null),
];

describe('sweep summary', () => {
  it('pairs by seed: means, sds, sign counts and verdicts as computed by hand', () => {
    const c = summarizeCell(cell(0, 'shared'), methods, winning);
    expect(c.pairs).toHaveLength(1);
    const p = c.pairs[0];
    expect(p?.label).toBe('MASST K=4 − SST');
    expect(p?.seeds).toEqual([1, 2, 3]);
    expect(p?.accuracy.perSeed.map((x) => Number(x.toFixed(12)))).toEqual([0.1, 0.06, 0.02]);
    expect(p?.accuracy.mean).toBeCloseTo(0.06, 12);
    expect(p?.accuracy.sd).toBeCloseTo(0.04, 12);
    expect(p?.accuracy.positive).toBe(3);
    expect(p?.verdict).toBe('better');
    expect(p?.sentence).toBe('MASST K=4 beat SST on 3 of 3 seeds by 6.0 ± 4.0 points');
    expect(p?.lipschitz?.perSeed).toEqual([-2, 0, -3]);
    expect(p?.lipschitz?.mean).toBeCloseTo(-5 / 3, 12);
    expect(p?.lipschitz?.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
    expect(p?.lipschitz?.positive).toBe(0);
    expect(p?.beta?.mean).toBeCloseTo(-5 / 6, 12);
    expect(c.trainSeconds).toBe(60);
    expect(c.summary).toBe(
      'MASST K=4 beat SST on 3 of 3 seeds by 6.0 ± 4.0 points. (10-fold verification accuracy, paired by seed.)',
    );

    const e = summarizeCell(cell(1, 'horizonMatched'), methods, even).pairs[0];
    expect(e?.accuracy.mean).toBeCloseTo(-0.01, 12);
    expect(e?.accuracy.sd).toBeCloseTo(0.02, 12);
    expect(e?.accuracy.positive).toBe(1);
    expect(e?.verdict).toBe('noise');
    expect(e?.lipschitz).toBeNull();
  });

  it('takes the medians of a run record; a diverged run has no accuracy and no vote', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    const record = {
      eval: null,
      diverged: { step: 7, what: 'loss NaN' },
      interrupted: false,
      analysis: {
        lipschitz: [
          { lipschitz: 2, beta: 1 },
          { lipschitz: 6, beta: 3 },
        ],
      },
    };
    const r = sweepRun(record, { key: 'k', label: 'SST', seed: 1, reused: true, seconds: 1 });
    expect(r).toMatchObject({
      accuracy: null,
      medianLipschitz: 4,
      medianBeta: 2,
      diverged: 'step 7: loss NaN',
      reused: true,
    });
    const c = summarizeCell(cell(0, 'shared'), methods, [r, run('MASST K=4', 1, 0.8, 3)]);
    expect(c.pairs[0]?.accuracy.n).toBe(0);
    expect(c.pairs[0]?.verdict).toBe('none');
  });

  it('sorts the table by effect, writes one CSV row per cell × method × seed, draws the 1-D grid', () => {
    const cells = [
      summarizeCell(cell(0, 'horizonMatched'), methods, even),
      summarizeCell(cell(1, 'shared'), methods, winning),
    ];
    const lines = effectTable(cells).split('\n');
    expect(lines[2]).toMatch(
      /^masst\.agentAlpha=shared\s+MASST K=4 − SST\s+\+0\.060 ± 0\.040 · 3\/3\s+better\s+−1\.667 ± 1\.528 · 0\/3/,
    );
    expect(lines[3]).toMatch(
      /^masst\.agentAlpha=horizonMatched\s+MASST K=4 − SST\s+−0\.010 ± 0\.020 · 1\/3\s+within noise\s+n\/a\s+n\/a$/,
    );
    const csv = tidyCsv(['masst.agentAlpha'], cells).trim().split('\n');
    expect(csv).toHaveLength(1 + 12);
    expect(csv[0]).toBe(
      'cell,masst.agentAlpha,method,seed,run_key,reused,accuracy,auc,median_lipschitz,median_beta,train_seconds,diverged',
    );
    expect(csv[1]).toBe('0,horizonMatched,SST,1,run-SST-1,false,0.7,0.7,,,10,');
    const svg = heatmapSvg(
      [{ path: 'masst.agentAlpha', values: ['horizonMatched', 'shared'] }],
      cells,
      'MASST K=4 − SST',
    );
    expect(svg).toContain('<svg');
    expect(svg).toContain('>+6.0</text>');
    expect(svg).toContain('3/3 · ✓ better');
    expect(svg).toContain('>−1.0</text>');
    expect(
      heatmapSvg(
        [
          { path: 'a', values: [] },
          { path: 'b', values: [] },
          { path: 'c', values: [] },
        ],
        cells,
        'x',
      ),
    ).toBeNull();
  });
});
