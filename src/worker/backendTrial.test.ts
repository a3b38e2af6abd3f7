/** A backend trial on the cpu backend in Node: it times real steps and leaves no tensor behind. */
import { beforeAll, describe, expect, it } from 'vitest';
import { presetConfig } from '../core/presets';
import * as tf from '../core/tf';
import { useCpu } from '../test/tfCpu';
import { trialOf } from './backendTrial';

const config = () => {
  const c = presetConfig('smoke');
  return { ...c, runs: [{ method: 'sst' as const, agents: 1 }] };
};

describe('a backend trial', () => {
  beforeAll(useCpu);

  it('times a few steps after the warm-up and disposes every tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await trialOf('cpu', config(), 60_000);
    expect(tf.memory().numTensors).toBe(before);
    if (!r.ok) throw new Error(r.reason);
    expect(r.steps).toBe(3);
    expect(r.msPerStep).toBeGreaterThan(0);
    expect(r.warmupMs).toBeGreaterThan(0);
  });

  it('loses, saying why, when nothing after the warm-up fits its budget; still no tensor left', async () => {
    const before = tf.memory().numTensors;
    const r = await trialOf('cpu', config(), 0);
    expect(tf.memory().numTensors).toBe(before);
    expect(r).toMatchObject({ backend: 'cpu', ok: false });
    expect(r.ok ? '' : r.reason).toMatch(/^no step after its warm-up \([\d.]+ s\) fit its 0\.0 s budget$/);
  });

  it('always times one step of a backend whose warm-up is not capped (wasm, the fallback)', async () => {
    const r = await trialOf('cpu', config(), 0, false);
    expect(r).toMatchObject({ backend: 'cpu', ok: true, steps: 1 });
  });
});
