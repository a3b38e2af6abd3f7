/**
 * The page's engine and the runner follow one schedule (core/analysisSchedule.ts): the same
 * config, with a step count that is a multiple of neither interval, records evaluations and
 * smoothness measurements at the same steps in both (cpu backend, fake post).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { trainRuns } from '../cli/trainRuns';
import { Comparison } from '../core/train/comparison';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import { AnalysisStream } from './analysisStream';
import { PoolEngine } from './engine';
import type { FromWorker } from './protocol';

beforeAll(useCpu);

const base = tinyConfig({ steps: 7, runs: [{ method: 'conventional', agents: 1 }] });
const config = {
  ...base,
  eval: { ...base.eval, every: 3 },
  analysis: { ...base.analysis, every: 2, etaPoints: 2, landscapeEvery: 0 },
};
const dataset = syntheticDataset(24, 6, 8);

describe('one schedule for the page and the runner', () => {
  it('records the same evaluation and smoothness steps', async () => {
    const msgs: FromWorker[] = [];
    const post = (m: FromWorker): void => void msgs.push(m);
    const cmp = new Comparison(config, dataset, 'im2col');
    const group = {
      seed: config.seed,
      units: [0],
      labels: ['Conventional · seed 1'],
      cmp,
      analysis: new AnalysisStream(cmp, [0], 1, post, () => true),
    };
    const engine = new PoolEngine([group], config.steps, 0, 1, post);
    while (engine.steps < config.steps) await engine.advance();
    await engine.flush();
    engine.dispose();
    const page = {
      evals: msgs.flatMap((m) => (m.type === 'eval' ? [m.result.step] : [])),
      smoothness: msgs.flatMap((m) => (m.type === 'smoothness' ? [m.point.step] : [])),
    };

    const run = (await trainRuns(config, dataset, 'cpu')).runs[0];
    const runner = {
      evals: [...(run?.evals.map((e) => e.step) ?? []), ...(run?.eval ? [config.steps] : [])],
      smoothness: run?.analysis.lipschitz.map((p) => p.step) ?? [],
    };

    expect(page).toEqual({ evals: [3, 6, 7], smoothness: [2, 4, 6, 7] });
    expect(runner).toEqual(page);
  });
});
