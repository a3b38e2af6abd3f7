/** runPooled with a config per run (the sweep's): a seed's runs share one dataset, so their data settings must match. */
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import { runPooled } from './runPool';

describe('runPooled configOf', () => {
  it('refuses a run whose data settings differ from the base, before any worker starts', () => {
    const base = {
      ...presetConfig('smoke'),
      runs: [
        { method: 'sst' as const, agents: 1 },
        { method: 'masst' as const, agents: 2 },
      ],
    };
    const start = (): Promise<unknown> =>
      runPooled(base, [1], {
        backend: 'cpu',
        workers: 1,
        workerUrl: new URL('file:///nonexistent/run-worker.js'),
        configOf: (seed, run) => ({
          ...base,
          seed,
          runs: [base.runs[run] ?? base.runs[0]!],
          data: run === 1 ? { ...base.data, imageSize: 12 } : base.data,
        }),
      });
    expect(start).toThrow(
      "runPooled: run 1 of seed 1 has other data settings than the pool's base; a seed's runs share one dataset, so pool each data setting on its own",
    );
  });
});
