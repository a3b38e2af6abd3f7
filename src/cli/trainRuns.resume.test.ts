/**
 * Resume in the runner's training loop, on cpu: runs continued from a checkpoint (through its
 * bytes, and their records through JSON, as the runner stores them) end with exactly the history,
 * evaluations, analysis and final evaluation of runs never stopped (which took checkpoints on the
 * way), whether the checkpoint was a periodic one or the one a stop wrote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import type { ComparisonCheckpoint } from '../core/train/checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from '../core/train/checkpointCodec';
import type { SaveFn } from './trainRuns';
import type { RunResult, SeedResult } from '../core/results/resultsFile';
import { recordAt, trainRuns } from './trainRuns';

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  steps: 6,
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'masst', agents: 2 },
  ],
});
config.eval = { ...config.eval, every: 2 };
config.analysis = { ...config.analysis, every: 3, etaPoints: 2, landscapeEvery: 4, gridPoints: 3, slice2d: false };

interface Saved {
  checkpoint: ComparisonCheckpoint;
  runs: RunResult[];
}

/** Keeps every save as the runner's files would hold it: checkpoint bytes, records as JSON. */
function recorder(): { saves: Saved[]; save: SaveFn } {
  const saves: Saved[] = [];
  const save: SaveFn = async (ck, runs) => {
    saves.push({
      checkpoint: decodeCheckpoint(encodeCheckpoint(ck), 'test'),
      runs: JSON.parse(JSON.stringify(runs)) as RunResult[],
    });
  };
  return { saves, save };
}

const withoutTiming = (runs: RunResult[]) => runs.map((r) => ({ ...r, msPerStep: 0, msPerEval: 0 }));

let full: SeedResult;
const straight = recorder();

beforeAll(async () => {
  await useCpu();
  full = await trainRuns(config, dataset, 'cpu', { checkpoints: { every: 4, save: straight.save } });
}, 60_000);

describe('trainRuns resumed from a checkpoint', () => {
  it('continues bit for bit from a periodic checkpoint', async () => {
    // every 4 steps, then the end
    expect(straight.saves.map((s) => s.checkpoint.step)).toEqual([4, 6]);
    expect(full.runs.every((r) => r.eval !== null && r.evals.length === 2 && r.analysis.lipschitz.length === 2)).toBe(
      true,
    );
    const resumed = await trainRuns(config, dataset, 'cpu', { from: straight.saves[0] as Saved });
    expect(withoutTiming(resumed.runs)).toEqual(withoutTiming(full.runs));
    expect(resumed.untrained).toEqual(full.untrained);
  }, 30_000);

  it('continues bit for bit from the checkpoint a stop wrote at its step', async () => {
    let steps = 0;
    const stopped = recorder();
    const cut = await trainRuns(config, dataset, 'cpu', {
      onStep: () => (steps += 1),
      shouldStop: () => steps >= 3,
      checkpoints: { every: 0, save: stopped.save },
    });
    expect(cut.runs.map((r) => [r.interrupted, r.history.length, r.eval])).toEqual([
      [true, 3, null],
      [true, 3, null],
    ]);
    expect(stopped.saves.map((s) => s.checkpoint.step)).toEqual([3]);
    const resumed = await trainRuns(config, dataset, 'cpu', { from: stopped.saves[0] as Saved });
    expect(withoutTiming(resumed.runs)).toEqual(withoutTiming(full.runs));
  }, 30_000);

  it('drops what a record holds after the checkpoint, and refuses one that ends before it', () => {
    const run = full.runs[1] as RunResult;
    const at4 = recordAt(run, 4, 'x');
    expect(at4.history.map((h) => h.step)).toEqual([1, 2, 3, 4]);
    expect(at4.evals.map((e) => e.step)).toEqual([2, 4]);
    expect(at4.analysis.lipschitz.map((p) => p.step)).toEqual([3]);
    expect(at4.analysis.landscape1dHistory.map((l) => l.step)).toEqual([4]);
    expect([at4.eval, at4.analysis.landscape1d, at4.interrupted]).toEqual([null, null, false]);
    expect(recordAt(run, 6, 'x').history).toEqual(run.history);
    expect(() => recordAt(at4, 5, 'dir/checkpoints/1-masst-k-2.json')).toThrow(
      'dir/checkpoints/1-masst-k-2.json: the checkpoint is at step 5, but the history of MASST K=2 on seed 1 ends at step 4',
    );
  });
});
