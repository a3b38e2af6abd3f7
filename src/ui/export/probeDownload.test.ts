import { describe, expect, it } from 'vitest';
import { tinyConfig } from '../../test/tfCpu';
import { reduce, startSession } from '../store/state';
import { probeOffers } from './probeDownload';

const config = tinyConfig({
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
  ],
});
const stats = (units: number[]) => ({
  type: 'stats' as const,
  sessionId: 1,
  batch: {
    worker: 0,
    units,
    steps: Int32Array.of(1),
    losses: units.map(() => Float32Array.of(2.5)),
    msPerStep: units.map(() => 1),
    stepsPerSecond: 1,
  },
});

describe('probeOffers', () => {
  it('offers one probe per run, named by the seed only when there are several, disabled with the reason until it trained', () => {
    const one = startSession(1, config, [7], 1);
    expect(probeOffers(one).map((o) => [o.name, o.reason])).toEqual([
      ['Conventional', 'it has not trained yet: press Train or Step'],
      ['SST', 'it has not trained yet: press Train or Step'],
    ]);
    let two = reduce(startSession(1, config, [7, 8], 1), stats([0, 1, 2, 3]));
    two = reduce(two, { type: 'diverged', sessionId: 1, unit: 3, step: 1, message: 'SST · seed 8 diverged' });
    expect(probeOffers(two).map((o) => [o.unit, o.seed, o.label, o.name, o.reason])).toEqual([
      [0, 7, 'Conventional', 'Conventional · seed 7', null],
      [1, 7, 'SST', 'SST · seed 7', null],
      [2, 8, 'Conventional', 'Conventional · seed 8', null],
      [3, 8, 'SST', 'SST · seed 8', 'it diverged at step 1'],
    ]);
  });
});
