import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { architectureFor, paramSpecsFor } from '../core/model/architecture';
import { emaUpdate } from '../core/model/ema';
import { updateRunningStats } from '../core/model/forward';
import { initialWeights } from '../core/model/init';
import { Net } from '../core/model/net';
import { fused, SGD_MOMENTUM } from '../core/fused/names';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import { SgdMomentum } from '../core/train/optimizer';

function values(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/**
 * Three SGD steps, an EMA and two running-statistics updates of the tiny net (one per view), read
 * back; with `stacked` the two views' moments go in as one update of two groups.
 */
async function updates(
  backend: 'cpu' | 'wasm',
  stacked: boolean,
): Promise<{ fusedPath: boolean; values: Float32Array[] }> {
  await useNodeBackend(backend);
  const arch = architectureFor('tiny', 8);
  const specs = paramSpecsFor(arch, 1);
  const init = initialWeights(specs, createRng(3));
  const probe = Net.fromValues(arch, specs, init, true);
  const agent = probe.clone(false);
  const opt = new SgdMomentum(probe.weights, 0.9, 5e-4);
  for (let step = 0; step < 3; step++) {
    tf.tidy(() =>
      opt.apply(
        probe.weights.map((w, i) => tf.tensor(values(w.size, 10 * step + i), w.shape)),
        0.1 / (step + 1),
      ),
    );
  }
  emaUpdate(agent, probe, 0.98);
  tf.tidy(() => {
    const view = (v: number) =>
      [...probe.bn.entries()].map(([name, s], i) => ({
        name,
        mean: values(s.mean.size, 100 + i + 1000 * v),
        variance: values(s.mean.size, 200 + i + 1000 * v).map(Math.abs),
        count: 16 * (i + 2),
      }));
    const [v1, v2] = [view(1), view(2)];
    if (stacked) {
      updateRunningStats(
        probe,
        v1.map((m, i) => ({
          ...m,
          mean: tf.tensor1d([...m.mean, ...(v2[i] as typeof m).mean]),
          variance: tf.tensor1d([...m.variance, ...(v2[i] as typeof m).variance]),
          groups: 2,
        })),
      );
    } else {
      for (const v of [v1, v2])
        updateRunningStats(
          probe,
          v.map((m) => ({ ...m, mean: tf.tensor1d(m.mean), variance: tf.tensor1d(m.variance), groups: 1 })),
        );
    }
  });
  const fusedPath = fused(SGD_MOMENTUM);
  const out = [
    ...(await probe.snapshot()).weights,
    ...(await probe.snapshot()).bn,
    ...(await agent.snapshot()).weights,
    ...(await Promise.all(opt.slots.map((s) => s.data() as Promise<Float32Array>))),
  ];
  probe.dispose();
  agent.dispose();
  opt.dispose();
  return { fusedPath, values: out };
}

describe('fused weight updates on wasm', () => {
  afterAll(() => useNodeBackend('cpu'));

  it('SGD with momentum, the weight EMA and the BN running statistics equal the op-by-op graph on cpu bit for bit', async () => {
    const cpu = await updates('cpu', false);
    expect(cpu.fusedPath).toBe(false);
    for (const stacked of [false, true]) {
      const wasm = await updates('wasm', stacked);
      expect(wasm.fusedPath).toBe(true);
      expect(wasm.values.length).toBe(cpu.values.length);
      wasm.values.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(cpu.values[i] as Float32Array)));
    }
  });
});
