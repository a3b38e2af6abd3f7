/**
 * Divergence in the runner: with a learning rate no form would accept (reachable from code), every
 * run's loss turns non-finite; each stops at that step with its finite history and evaluations,
 * nothing throws on NaN embeddings, and the results file leaves them out of the pairing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import { collectResults, divergedRuns } from '../core/results/resultsFile';
import { trainRuns } from './trainRuns';

beforeAll(useCpu);

describe('trainRuns', () => {
  it('stops a diverged run at its step and keeps what it had', async () => {
    const config = tinyConfig({
      steps: 6,
      runs: [
        { method: 'conventional', agents: 1 },
        { method: 'sst', agents: 1 },
      ],
    });
    config.optim = { ...config.optim, lr: 1e12 };
    config.eval = { ...config.eval, every: 1 };
    config.analysis = { ...config.analysis, every: 0, landscapeEvery: 0 };
    const result = await trainRuns(config, syntheticDataset(24, 6, 8), 'cpu');
    for (const run of result.runs) {
      expect(run.diverged).not.toBeNull();
      const step = run.diverged?.step ?? 0;
      expect(run.diverged?.what).toMatch(/^(loss (NaN|-?Infinity)|weights not finite)$/);
      // the loss of the step that diverged the weights may still be finite
      expect(run.history.length).toBeGreaterThanOrEqual(step - 1);
      expect(run.history.length).toBeLessThanOrEqual(step);
      expect(run.history.every((h) => Number.isFinite(h.loss))).toBe(true);
      expect(run.evals.every((e) => e.step < step)).toBe(true);
      expect(run.eval).toBeNull();
    }
    const file = collectResults(config, [config.seed], [result], 'cpu', { workers: 1, wallSeconds: 0 }, true);
    expect(file.pairedDifferences[0]?.accuracy.n).toBe(0);
    expect(divergedRuns(file)).toHaveLength(2);
    expect(divergedRuns(file)[0]).toMatch(
      /^Conventional on seed 1 at step \d+ \((loss (NaN|-?Infinity)|weights not finite)\)$/,
    );
  }, 60_000);
});
