import { describe, expect, it } from 'vitest';
import { distinctRuns } from './distinctRuns';
import { expandSweep } from './spec';

describe('distinctRuns', () => {
  it('trains SST once per seed over a masst.* grid: 3 SST + 18 MASST runs, not 24', () => {
    const plan = expandSweep({
      preset: 'demo',
      set: [],
      axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
      methods: 'sst,masst2,masst4,masst8',
      seeds: [1, 2, 3],
    });
    const { slots, cellSlots } = distinctRuns(plan, 'wasm');
    expect(slots.map((s) => `${s.label}@${s.cell}`)).toEqual([
      'SST@0',
      'MASST K=2@0',
      'MASST K=4@0',
      'MASST K=8@0',
      'MASST K=2@1',
      'MASST K=4@1',
      'MASST K=8@1',
    ]);
    expect(slots.reduce((n, s) => n + s.keys.length, 0)).toBe(21);
    expect(cellSlots).toEqual([
      [0, 1, 2, 3],
      [0, 4, 5, 6],
    ]);
    expect(slots[0]?.cells).toEqual([0, 1]);
    expect(new Set(slots.flatMap((s) => s.keys)).size).toBe(21);
  });

  it('trains the baseline per cell when an axis is its own setting', () => {
    const plan = expandSweep({
      preset: 'demo',
      set: [],
      axes: [{ path: 'gallery.alpha', values: ['0.9', '0.98'] }],
      methods: 'conventional,sst',
      seeds: [1, 2],
    });
    const { slots, cellSlots } = distinctRuns(plan, 'wasm');
    // Conventional has no gallery: one run per seed; SST one per cell and seed.
    expect(slots.map((s) => `${s.label}@${s.cell}`)).toEqual(['Conventional@0', 'SST@0', 'SST@1']);
    expect(cellSlots).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});
