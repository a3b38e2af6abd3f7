/**
 * The pool worker's engine on the cpu backend with a fake post: a run whose weights are forced to
 * NaN stops at the next step with a message naming it and the step, is neither evaluated nor
 * probed again, and the other run trains on exactly as it would have alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { AnalysisStream } from './analysisStream';
import { PoolEngine } from './engine';
import type { FromWorker, WorkerCheckpoint } from './protocol';
import { restoreGroups } from './session';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  steps: 6,
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
  ],
});

function engine(post: (m: FromWorker) => void) {
  const c = {
    ...config,
    eval: { ...config.eval, every: 2 },
    analysis: { ...config.analysis, every: 2, etaPoints: 2, landscapeEvery: 0 },
  };
  const cmp = new Comparison(c, dataset, 'im2col');
  const group = {
    seed: c.seed,
    units: [4, 5],
    labels: ['Conventional · seed 1', 'SST · seed 1'],
    cmp,
    analysis: new AnalysisStream(cmp, [4, 5], 1, post, () => true),
  };
  return { cmp, engine: new PoolEngine([group], c.steps, 0, 1, post) };
}

const lossesOf = (msgs: FromWorker[], unit: number): number[] =>
  msgs.flatMap((m) => {
    if (m.type !== 'stats') return [];
    const k = m.batch.units.indexOf(unit);
    return Array.from(m.batch.losses[k] ?? []);
  });

describe('pool engine', () => {
  it('stops a diverged run at its step and keeps the other bit for bit', async () => {
    const clean: FromWorker[] = [];
    const a = engine((m) => clean.push(m));
    while (a.engine.steps < 6) await a.engine.advance();
    await a.engine.flush();
    a.engine.dispose();

    const msgs: FromWorker[] = [];
    const b = engine((m) => msgs.push(m));
    await b.engine.advance();
    await b.engine.advance();
    await b.engine.flush();
    const before = tf.memory().numTensors;
    // Conventional's probe weights become NaN after step 2: its loss at step 3 is NaN.
    const probe = b.cmp.runs[0]?.trainer.probe;
    tf.tidy(() => probe?.weights[0]?.assign(tf.fill(probe.weights[0].shape, NaN)));
    while (b.engine.steps < 6) await b.engine.advance();
    await b.engine.flush();

    const diverged = msgs.filter((m) => m.type === 'diverged');
    expect(diverged).toEqual([
      {
        type: 'diverged',
        sessionId: 1,
        unit: 4,
        step: 3,
        message: expect.stringMatching(/^Conventional · seed 1 diverged at step 3 \(loss NaN\)/) as unknown as string,
      },
    ]);
    const conv = lossesOf(msgs, 4);
    expect(conv.slice(0, 2).every(Number.isFinite)).toBe(true);
    expect(conv.slice(2).every((v) => Number.isNaN(v))).toBe(true);
    expect(lossesOf(msgs, 5)).toEqual(lossesOf(clean, 5));
    // evaluations after the divergence cover SST only; probes likewise
    const evals = msgs.filter((m): m is Extract<FromWorker, { type: 'eval' }> => m.type === 'eval');
    expect(evals.map((e) => [e.result.step, e.result.units])).toEqual([
      [2, [4, 5]],
      [4, [5]],
      [6, [5]],
    ]);
    const probes = msgs.filter((m): m is Extract<FromWorker, { type: 'smoothness' }> => m.type === 'smoothness');
    expect(probes.map((p) => [p.point.step, p.run])).toEqual([
      [2, 4],
      [2, 5],
      [4, 5],
      [6, 5],
    ]);
    // no tensor left behind by the stopped run's empty slots (counted after a burn-in step)
    expect(tf.memory().numTensors).toBe(before);
    b.engine.dispose();
  });
});

describe('pool engine checkpoints', () => {
  it('a worker restored from a checkpoint continues with the losses, evaluations and probes it would have had', async () => {
    const straight: FromWorker[] = [];
    const a = engine((m) => straight.push(m));
    while (a.engine.steps < 6) await a.engine.advance();
    await a.engine.flush();
    a.engine.dispose();

    const first: FromWorker[] = [];
    const b = engine((m) => first.push(m));
    for (let i = 0; i < 3; i++) await b.engine.advance();
    await b.engine.checkpoint();
    b.engine.dispose();
    const saved = first.find((m): m is Extract<FromWorker, { type: 'checkpoint' }> => m.type === 'checkpoint');
    expect(saved?.checkpoint.step).toBe(3);
    expect(saved?.checkpoint.groups.map((g) => [g.seed, g.units, g.active])).toEqual([
      [config.seed, [4, 5], [true, true]],
    ]);

    const resumed: FromWorker[] = [];
    const c = engine((m) => resumed.push(m));
    const post = (m: FromWorker) => resumed.push(m);
    const group = {
      seed: config.seed,
      units: [4, 5],
      labels: ['Conventional · seed 1', 'SST · seed 1'],
      cmp: c.cmp,
      analysis: new AnalysisStream(c.cmp, [4, 5], 1, post, () => true),
    };
    const from = await restoreGroups([group], saved?.checkpoint as WorkerCheckpoint);
    const d = new PoolEngine([group], 6, 0, 1, post, from);
    while (d.steps < 6) await d.advance();
    await d.flush();
    for (const unit of [4, 5]) expect(lossesOf(resumed, unit)).toEqual(lossesOf(straight, unit).slice(3));
    const after = (msgs: FromWorker[], type: 'eval' | 'smoothness') =>
      JSON.stringify(
        msgs.filter(
          (m) =>
            m.type === type &&
            (type === 'eval'
              ? (m as Extract<FromWorker, { type: 'eval' }>).result.step
              : (m as Extract<FromWorker, { type: 'smoothness' }>).point.step) > 3,
        ),
      );
    expect(after(resumed, 'eval')).toBe(after(straight, 'eval'));
    expect(after(resumed, 'smoothness')).toBe(after(straight, 'smoothness'));
    d.dispose();
  });
});

describe('pool engine slow steps', () => {
  it("a traced step posts the unit's stages and leaves every loss as a plain step would", async () => {
    const straight: FromWorker[] = [];
    const a = engine((m) => straight.push(m));
    while (a.engine.steps < 3) await a.engine.advance();
    await a.engine.flush();
    a.engine.dispose();
    const msgs: FromWorker[] = [];
    const b = engine((m) => msgs.push(m));
    await b.engine.advance();
    await b.engine.advance(undefined, 5);
    await b.engine.advance(undefined, 99);
    await b.engine.flush();
    b.engine.dispose();
    const traces = msgs.filter((m): m is Extract<FromWorker, { type: 'trace' }> => m.type === 'trace');
    expect(traces.map((t) => [t.unit, t.trace.method, t.trace.step])).toEqual([[5, 'sst', 2]]);
    for (const unit of [4, 5]) expect(lossesOf(msgs, unit)).toEqual(lossesOf(straight, unit));
  });
});
