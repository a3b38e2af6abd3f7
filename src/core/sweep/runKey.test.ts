import { describe, expect, it } from 'vitest';
import type { ExperimentConfig, RunSpec } from '../config';
import { applyOverride } from '../configOverride';
import { ENGINE_VERSION } from '../engineVersion';
import { presetConfig } from '../presets';
import { runKey, runKeyInput } from './runKey';

const sst: RunSpec = { method: 'sst', agents: 1 };
const masst4: RunSpec = { method: 'masst', agents: 4 };
const conv: RunSpec = { method: 'conventional', agents: 1 };
const demo = presetConfig('demo');
const set = (c: ExperimentConfig, a: string): ExperimentConfig => applyOverride(c, a);

/** Every object of the config with its keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
}

describe('runKey', () => {
  it('is "run-" and 16 hex digits, and stable for the same inputs', () => {
    expect(runKey(demo, sst, 'cpu')).toMatch(/^run-[0-9a-f]{16}$/);
    expect(runKey(presetConfig('demo'), sst, 'cpu')).toBe(runKey(demo, sst, 'cpu'));
  });

  it('does not move with a field the method does not read', () => {
    expect(runKey(set(demo, 'masst.agentAlpha=horizonMatched'), sst, 'cpu')).toBe(runKey(demo, sst, 'cpu'));
    expect(runKey(set(demo, 'masst.queueMode=perAgent'), conv, 'cpu')).toBe(runKey(demo, conv, 'cpu'));
    expect(runKey(set(demo, 'gallery.alpha=0.9'), conv, 'cpu')).toBe(runKey(demo, conv, 'cpu'));
    // The other runs of the config are not this run's business.
    expect(runKey({ ...demo, runs: [sst] }, sst, 'cpu')).toBe(runKey(demo, sst, 'cpu'));
  });

  it('moves with a field the method reads, its own settings, the seed, the backend', () => {
    const k = runKey(demo, masst4, 'cpu');
    expect(runKey(set(demo, 'masst.agentAlpha=horizonMatched'), masst4, 'cpu')).not.toBe(k);
    expect(runKey(set(demo, 'gallery.alpha=0.9'), sst, 'cpu')).not.toBe(runKey(demo, sst, 'cpu'));
    expect(runKey(set(demo, 'gallery.queueSize=64'), conv, 'cpu')).not.toBe(runKey(demo, conv, 'cpu'));
    expect(runKey(set(demo, 'data.variation.pose=0.2'), conv, 'cpu')).not.toBe(runKey(demo, conv, 'cpu'));
    expect(runKey(set(demo, 'optim.milestones=0.5'), sst, 'cpu')).not.toBe(runKey(demo, sst, 'cpu'));
    expect(runKey(demo, { method: 'masst', agents: 2 }, 'cpu')).not.toBe(k);
    expect(runKey(demo, sst, 'cpu')).not.toBe(runKey(demo, { method: 'masst', agents: 1 }, 'cpu'));
    expect(runKey({ ...demo, seed: 2 }, masst4, 'cpu')).not.toBe(k);
    expect(runKey(demo, masst4, 'wasm')).not.toBe(k);
  });

  it('does not depend on the key order of the config’s objects', () => {
    const shuffled = reversed(demo) as ExperimentConfig;
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(demo)[0]);
    expect(runKey(shuffled, masst4, 'cpu')).toBe(runKey(demo, masst4, 'cpu'));
  });

  it('hashes the engine version and exactly the fields the method reads', () => {
    const input = runKeyInput(demo, sst, 'cpu');
    expect(input.engine).toBe(ENGINE_VERSION);
    expect(Object.keys(input.fields).some((p) => p.startsWith('masst.'))).toBe(false);
    expect(input.fields['gallery.alpha']).toBe(0.98);
    expect(input.fields.seed).toBe(1);
    expect(Object.keys(runKeyInput(demo, conv, 'cpu').fields)).not.toContain('gallery.alpha');
  });
});

/**
 * Keys of existing runs: the run stores (the runner's .cache/runs, the page's IndexedDB) are keyed
 * by them, so they must never move without an engine version bump. Pinned before the field table
 * (issue 19) replaced METHOD_READS, which left them as they were; re-pinned once for ENGINE_VERSION 2
 * (issue 23's fused kernels), the only input that moved.
 */
describe('runKey of existing runs', () => {
  it('stays what it was before the field table (engine 2)', () => {
    const smoke = { ...set(presetConfig('smoke'), 'gallery.alpha=0.95'), seed: 7 };
    expect(runKey(demo, conv, 'cpu')).toBe('run-760d6f14a064a99b');
    expect(runKey(demo, sst, 'cpu')).toBe('run-39c68dd9232ba519');
    expect(runKey(demo, masst4, 'wasm')).toBe('run-f863379d218454ac');
    expect(runKey(smoke, { method: 'masst', agents: 2 }, 'webgl')).toBe('run-0af486cb31481e13');
    expect(runKey(presetConfig('longtail'), sst, 'cpu')).toBe('run-af3bfb36cda4a626');
  });
});
