import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../config';
import { presetConfig } from '../presets';
import { divergingColour, heatCell, heatPanels, heatScale, pairLabels } from './heatCells';
import type { SweepCell } from './spec';
import type { CellResult, SweepRun } from './summary';
import { summarizeCell } from './summary';

const methods: RunSpec[] = [
  { method: 'sst', agents: 1 },
  { method: 'masst', agents: 4 },
];
const run = (label: string, seed: number, accuracy: number): SweepRun => ({
  key: `run-${label}-${seed}`,
  label,
  seed,
  reused: false,
  accuracy,
  auc: accuracy,
  medianLipschitz: null,
  medianBeta: null,
  seconds: 1,
  diverged: null,
});
/** MASST K=4 − SST by seed; three seeds unless fewer are given. */
const cellOf = (index: number, settings: Record<string, string>, diffs: number[]): CellResult => {
  const c: SweepCell = {
    index,
    settings,
    label: Object.entries(settings)
      .map(([p, v]) => `${p}=${v}`)
      .join(' · '),
    config: presetConfig('demo'),
  };
  return summarizeCell(
    c,
    methods,
    diffs.flatMap((d, i) => [run('SST', i + 1, 0.7), run('MASST K=4', i + 1, 0.7 + d)]),
  );
};
const PAIR = 'MASST K=4 − SST';

describe('sweep heatmap cells', () => {
  it('colours on a diverging scale centred on 0: white at 0, full blue / red at ± the scale, grey without a number', () => {
    expect(divergingColour(0)).toBe('rgb(255,255,255)');
    expect(divergingColour(1)).toBe('rgb(33,102,172)');
    expect(divergingColour(-1)).toBe('rgb(178,24,43)');
    expect(divergingColour(-3)).toBe('rgb(178,24,43)');
    expect(divergingColour(0.5)).toBe('rgb(144,179,214)');
    expect(divergingColour(NaN)).toBe('#dddddd');
  });

  it('labels a cell with its mean, sign count and verdict, and scales by the largest |mean|', () => {
    // +0.10, +0.06, +0.02: mean +6.0 points, 3/3, better (see summary.test.ts). −0.01, +0.01, −0.03: −1.0, 1/3, noise.
    const win = cellOf(0, { 'masst.agentAlpha': 'shared' }, [0.1, 0.06, 0.02]);
    const even = cellOf(1, { 'masst.agentAlpha': 'horizonMatched' }, [-0.01, 0.01, -0.03]);
    const scale = heatScale([win, even], PAIR);
    expect(scale).toBeCloseTo(0.06, 12);
    const h = heatCell(win, PAIR, scale);
    expect(h).toMatchObject({
      index: 0,
      meanText: '+6.0',
      signs: '3/3',
      verdict: 'better',
      passes: true,
      colour: 'rgb(33,102,172)',
    });
    expect(h.ariaLabel).toBe(
      'masst.agentAlpha=shared: MASST K=4 − SST +6.0 points of 10-fold accuracy, 3 of 3 seeds positive; passes the verdict rule: better',
    );
    const e = heatCell(even, PAIR, scale);
    expect(e).toMatchObject({ meanText: '−1.0', signs: '1/3', verdict: 'noise', passes: false });
    expect(e.mean / scale).toBeCloseTo(-1 / 6, 12);
    expect(e.colour).toBe(divergingColour(e.mean / scale));
    expect(e.ariaLabel).toBe(
      'masst.agentAlpha=horizonMatched: MASST K=4 − SST −1.0 points of 10-fold accuracy, 1 of 3 seeds positive; does not pass the verdict rule: within noise',
    );
    const one = heatCell(cellOf(2, { a: 'x' }, [0.02]), PAIR, scale);
    expect(one).toMatchObject({ signs: '1/1', verdict: 'oneSeed', passes: false });
    expect(one.ariaLabel.endsWith('; one seed: no verdict')).toBe(true);
    const missing = heatCell(win, 'MASST K=8 − SST', scale);
    expect(missing).toMatchObject({ pair: null, meanText: 'n/a', signs: null, colour: '#dddddd' });
    expect(missing.ariaLabel).toBe(
      'masst.agentAlpha=shared: no MASST K=8 − SST pair; no seed has both runs: no verdict',
    );
  });

  it('lays out rows × columns, and one grid per value of a third axis (row-major, last axis fastest)', () => {
    const axes = [
      { path: 'a', values: ['a0', 'a1'] },
      { path: 'b', values: ['b0', 'b1', 'b2'] },
      { path: 'c', values: ['c0', 'c1'] },
    ];
    const cells = Array.from({ length: 12 }, (_, i) =>
      cellOf(i, { a: `a${Math.floor(i / 6)}`, b: `b${Math.floor(i / 2) % 3}`, c: `c${i % 2}` }, [0.01 * (i + 1), 0.01]),
    );
    const panels = heatPanels(axes, cells, PAIR);
    expect(panels.map((p) => p.title)).toEqual(['c=c0', 'c=c1']);
    expect(panels[1]?.cells.map((row) => row.map((h) => h.label))).toEqual([
      ['a=a0 · b=b0 · c=c1', 'a=a0 · b=b1 · c=c1', 'a=a0 · b=b2 · c=c1'],
      ['a=a1 · b=b0 · c=c1', 'a=a1 · b=b1 · c=c1', 'a=a1 · b=b2 · c=c1'],
    ]);
    const oneAxis = heatPanels([axes[0] as (typeof axes)[number]], cells.slice(0, 2), PAIR);
    expect(oneAxis).toHaveLength(1);
    expect(oneAxis[0]?.title).toBeNull();
    expect(oneAxis[0]?.cells.map((row) => row.map((h) => h.index))).toEqual([[0], [1]]);
    expect(pairLabels(['Conventional', 'SST', 'MASST K=4'])).toEqual([
      'SST − Conventional',
      'MASST K=4 − SST',
      'MASST K=4 − Conventional',
    ]);
    expect(() => heatPanels(axes, cells.slice(0, 11), PAIR)).toThrow(
      'sweep cell 11 is missing: expected 12 cells for the axes',
    );
  });
});
