import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import { reduce, startSession } from '../store/state';
import { selectLoss } from '../store/selectors';
import { methodGroups } from '../store/views';
import { lossLines } from './LossChart';
import { rowBand, rowLine } from './chartSeries';
import { bandPath, invert, linear, linePath, logTicks, nearestIndex, niceTicks, scale } from './svgPaths';

describe('the SVG chart geometry', () => {
  it('puts ticks at round values that cover the data', () => {
    expect(niceTicks(18.7, 29.4)).toEqual([15, 20, 25, 30]);
    expect(niceTicks(18.7, 27.9)).toEqual([18, 20, 22, 24, 26, 28]);
    expect(niceTicks(0.12, 0.31)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks(1, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(5, 5)).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(niceTicks(Infinity, -Infinity)).toEqual([0, 1]);
  });

  it('puts log ticks at 1, 2, 5 × 10^k on short spans and at powers of ten on long ones', () => {
    expect(logTicks(0.004, 1)).toEqual([0.01, 0.1, 1]);
    expect(logTicks(0.03, 1)).toEqual([0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks(0, 1)).toEqual([]);
    const s = scale(0.01, 1, 0, 100, true);
    expect([s(0.01), s(0.1), s(1), s(0)]).toEqual([0, 50, 100, NaN]);
    expect(invert(0.01, 1, 0, 100, true)(50)).toBeCloseTo(0.1, 12);
  });

  it('takes lines and bands from chart rows, a missing value a gap', () => {
    const rows = [{ step: 1, a: 0.5, 'a band': [0.4, 0.6] as [number, number] }, { step: 2 }, { step: 3, a: 0.7 }];
    expect(rowLine(rows, 'step', 'a')).toEqual({ xs: [1, 2, 3], ys: [0.5, NaN, 0.7] });
    expect(rowBand(rows, 'step', 'a band')).toEqual({ xs: [1], lo: [0.4], hi: [0.6] });
    const sx = linear(1, 3, 0, 2);
    const sy = (v: number) => v * 10;
    expect(linePath([1, 2, 3], [0.5, NaN, 0.7], sx, sy)).toBe('M0,5M2,7');
    expect(linePath([1, 2, 3], [0.5, NaN, 0.7], sx, sy, true)).toBe('M0,5L2,7');
  });

  it('draws lines through finite points, broken at gaps, and bands as closed shapes', () => {
    const sx = linear(0, 10, 0, 100);
    const sy = linear(0, 1, 100, 0);
    expect(linePath([0, 5, 10], [0, 0.5, 1], sx, sy)).toBe('M0,100L50,50L100,0');
    expect(linePath([0, 5, 10], [0, NaN, 1], sx, sy)).toBe('M0,100M100,0');
    expect(bandPath([0, 10], [0, 0.2], [0.5, 1], sx, sy)).toBe('M0,50L100,0L100,80L0,100Z');
    expect(bandPath([], [], [], sx, sy)).toBe('');
    expect(linear(3, 3, 0, 100)(3)).toBe(50);
  });

  it('finds the nearest x for the tooltip', () => {
    expect(nearestIndex([1, 2, 4, 8], 5.9)).toBe(2);
    expect(nearestIndex([1, 2, 4, 8], 6.1)).toBe(3);
    expect(nearestIndex([1, 2, 4, 8], -3)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('the loss chart', () => {
  const config = {
    ...presetConfig('smoke'),
    runs: [
      { method: 'sst' as const, agents: 1 },
      { method: 'masst' as const, agents: 4 },
    ],
  };
  const stats = (units: number[], losses: number[][]) => ({
    type: 'stats' as const,
    sessionId: 1,
    batch: {
      worker: 0,
      units,
      steps: Int32Array.of(1, 2),
      losses: losses.map((l) => Float32Array.from(l)),
      msPerStep: units.map(() => 5),
      stepsPerSecond: 1,
    },
  });

  it('one seed: raw and smoothed loss per run, the smoothed in the legend', () => {
    const s = reduce(
      startSession(1, config, [7], 1),
      stats(
        [0, 1],
        [
          [4, 2],
          [3, 3],
        ],
      ),
    );
    const chart = lossLines(methodGroups(selectLoss(s).runs), 'sd');
    expect(chart?.lines.map((l) => [l.name, l.legend])).toEqual([
      ['SST (raw)', false],
      ['SST', true],
      ['MASST K=4 (raw)', false],
      ['MASST K=4', true],
    ]);
    expect(Array.from(chart?.lines[0]?.ys ?? [])).toEqual([4, 2]);
    expect(chart?.bands).toEqual([]);
  });

  it('several seeds: the mean per method with its band', () => {
    const s = reduce(
      startSession(1, config, [7, 8], 1),
      stats(
        [0, 1, 2, 3],
        [
          [4, 4],
          [3, 3],
          [2, 2],
          [1, 1],
        ],
      ),
    );
    const chart = lossLines(methodGroups(selectLoss(s).runs), 'range');
    expect(chart?.lines.map((l) => [l.name, Array.from(l.ys)])).toEqual([
      ['SST (mean of 2)', [3, 3]],
      ['MASST K=4 (mean of 2)', [2, 2]],
    ]);
    expect(chart?.bands.map((b) => [b.name, Array.from(b.lo), Array.from(b.hi)])).toEqual([
      ['SST band', [2, 2], [4, 4]],
      ['MASST K=4 band', [1, 1], [3, 3]],
    ]);
    expect(lossLines(methodGroups(selectLoss(startSession(1, config, [7], 1)).runs), 'sd')).toBeNull();
  });
});
