import { describe, expect, it } from 'vitest';
import type { SweepPlan } from '../../core/sweep/spec';
import { expandSweep } from '../../core/sweep/spec';
import { PageRunStore } from '../storage/runStore';
import { cellState } from './cellState';
import { FakePool, MemoryRuns } from './fakeSweepPool';
import type { SweepOutcome } from './sweepTrainer';
import { SweepTrainer } from './sweepTrainer';

/** 2 cells (agentAlpha) × SST, MASST K=2 × seeds 1, 2: 8 runs in the grid, 6 distinct (SST once per seed). */
const plan: SweepPlan = expandSweep({
  preset: 'smoke',
  set: ['steps=4', 'eval.every=4', 'analysis.every=4', 'analysis.landscapeEvery=0'],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2',
  seeds: [1, 2],
});

async function train(
  pool: FakePool,
  store: PageRunStore,
  workers = 2,
): Promise<{ final: SweepOutcome; updates: SweepOutcome[] }> {
  const updates: SweepOutcome[] = [];
  const trainer = new SweepTrainer(plan, pool, store, (o) => updates.push(o));
  const final = await trainer.run('cpu', workers);
  return { final, updates };
}

describe('SweepTrainer', () => {
  it('trains each distinct run once, in rounds of one run per worker, and fills the cells as computed by hand', async () => {
    const pool = new FakePool();
    const { final, updates } = await train(pool, new PageRunStore(new MemoryRuns()));
    expect(pool.rounds.map((r) => r.length)).toEqual([2, 2, 2]);
    expect(
      pool.rounds
        .flat()
        .map((j) => `${j.config.runs[0]?.method}${j.config.runs[0]?.agents}:${j.config.masst.agentAlpha}:${j.seed}`),
    ).toEqual([
      'sst1:shared:1',
      'sst1:shared:2',
      'masst2:shared:1',
      'masst2:shared:2',
      'masst2:horizonMatched:1',
      'masst2:horizonMatched:2',
    ]);
    expect(final.file.complete).toBe(true);
    expect(final.stopped).toBeNull();
    expect(final.file.runs).toEqual({ grid: 8, distinct: 6, trained: 6, reused: 0 });
    // MASST − SST: shared 0.02 on both seeds, horizonMatched 0.07: sd 0 → a clear difference, 2 of 2 positive.
    const [shared, horizon] = final.file.cells;
    expect(shared?.pairs[0]?.label).toBe('MASST K=2 − SST');
    expect(shared?.pairs[0]?.accuracy.perSeed.map((x) => Number(x.toFixed(12)))).toEqual([0.02, 0.02]);
    expect(horizon?.pairs[0]?.accuracy.mean).toBeCloseTo(0.07, 12);
    expect(horizon?.pairs[0]?.accuracy.positive).toBe(2);
    expect(horizon?.pairs[0]?.verdict).toBe('better');
    // Lipschitz MASST − SST: 3 − 5 on both seeds.
    expect(horizon?.pairs[0]?.lipschitz?.perSeed).toEqual([-2, -2]);
    // The SST run of seed 1 is the same run (same key) in both cells.
    expect(shared?.runs.find((r) => r.label === 'SST' && r.seed === 1)?.key).toBe(
      horizon?.runs.find((r) => r.label === 'SST' && r.seed === 1)?.key,
    );
    // The cells filled as runs finished: the first update has no runs, a later one part of them.
    expect(updates[0]?.progress.trained).toBe(0);
    expect(updates.some((u) => u.progress.trained === 3 && !u.file.complete)).toBe(true);
  });

  it('a repeated sweep trains nothing and gives the same table; a corrupt entry is dropped with a note and retrained', async () => {
    const runs = new MemoryRuns();
    const store = new PageRunStore(runs);
    const first = await train(new FakePool(), store);
    const again = new FakePool();
    const second = await train(again, store);
    expect(again.rounds).toEqual([]);
    expect(second.final.file.runs).toEqual({ grid: 8, distinct: 6, trained: 0, reused: 6 });
    expect(second.final.file.cells.map((c) => c.pairs)).toEqual(first.final.file.cells.map((c) => c.pairs));
    expect(second.final.file.cells.flatMap((c) => c.runs.map((r) => r.reused))).toEqual(Array(8).fill(true));

    const key = first.final.file.cells[1]?.runs.find((r) => r.label === 'MASST K=2' && r.seed === 2)?.key as string;
    (runs.records.get(key) as { data: { loss: unknown } }).data.loss = 'not a list';
    const third = new FakePool();
    const { final } = await train(third, store);
    expect(third.rounds.flat()).toHaveLength(1);
    expect(final.notes).toEqual([
      expect.stringContaining(`stored run ${key} was corrupt (data.loss is "not a list": expected a list of numbers)`),
    ]);
    expect(final.file.runs).toEqual({ grid: 8, distinct: 6, trained: 1, reused: 5 });
    expect(final.file.cells.map((c) => c.pairs)).toEqual(first.final.file.cells.map((c) => c.pairs));
  });

  it('Stop keeps the runs that finished, stored; the next sweep trains only the rest', async () => {
    const store = new PageRunStore(new MemoryRuns());
    const pool = new FakePool();
    // In the first round only worker 0 finishes; worker 1 is still training when Stop comes.
    pool.finishes = (round, worker) => round > 0 || worker === 0;
    const updates: SweepOutcome[] = [];
    const trainer = new SweepTrainer(plan, pool, store, (o) => {
      updates.push(o);
      if (o.progress.trained === 1) trainer.stop();
    });
    const final = await trainer.run('cpu', 2);
    expect(pool.rounds).toHaveLength(1);
    expect(pool.paused).toBe(1);
    expect(final.stopped).toBe('stopped');
    expect(final.file.complete).toBe(false);
    expect(final.progress.trained).toBe(1);
    expect((await store.usage()).runs).toBe(1);
    const next = new FakePool();
    const rest = await train(next, store);
    expect(next.rounds.flat()).toHaveLength(5);
    expect(rest.final.file.runs).toMatchObject({ trained: 5, reused: 1 });
  });

  it('a comparison taking the workers ends the sweep, keeping what finished', async () => {
    const pool = new FakePool();
    pool.finishes = (_round, worker) => worker === 0;
    const trainer = new SweepTrainer(plan, pool, new PageRunStore(new MemoryRuns()), (o) => {
      if (o.progress.trained === 1) pool.sink?.interrupted();
    });
    const final = await trainer.run('cpu', 2);
    expect(final.stopped).toBe('the workers were taken by a comparison');
    expect(final.progress.trained).toBe(1);
  });

  it("a cell's state holds its methods × seeds, seed-major, from the stored series", async () => {
    const { final } = await train(new FakePool(), new PageRunStore(new MemoryRuns()));
    const state = cellState(plan, final.runs, 1, final.records);
    expect(state.runs.map((r) => `${r.unit}:${r.label}:${r.seed}`)).toEqual([
      '0:SST:1',
      '1:MASST K=2:1',
      '2:SST:2',
      '3:MASST K=2:2',
    ]);
    expect(state.runs[1]?.evals.at(-1)?.accuracy).toBeCloseTo(0.78, 12);
    expect(state.runs[1]?.loss).toEqual([1, 0.5, 1 / 3, 0.25].map((x) => Math.fround(x)));
    expect(state.untrained.map((u) => u.seed)).toEqual([1, 2]);
    expect(state.step).toBe(4);
    expect(state.phase).toBe('ready');
  });
});
