import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { bnActFused, bnActTrain } from '../core/fused/bnAct';
import { BN_EPSILON } from '../core/model/architecture';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import { bnLoops } from './bnSimd';
import { fusedBnKernelConfigs } from './wasmFusedBn';

function values(shape: number[], seed: number, offset = 0): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => offset + rng.normal());
}

/** forward.ts's op-by-op graph: BN with batch statistics, + residual, PReLU. */
function graph(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  alpha: tf.Tensor | null,
  residual: tf.Tensor | null,
): { y: tf.Tensor; mean: tf.Tensor; variance: tf.Tensor } {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const mean = tf.mean(x, axes);
  const variance = tf.mean(tf.square(tf.sub(x, mean)), axes);
  const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, BN_EPSILON)));
  let y = tf.add(tf.mul(tf.sub(x, mean), scale), beta);
  if (residual !== null) y = tf.add(y, residual);
  if (alpha !== null) y = tf.prelu(y, alpha);
  return { y, mean, variance };
}

/** The graph on each of `groups` equal blocks of the batch, stacked again: what separate passes give. */
function graphGroups(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  alpha: tf.Tensor | null,
  residual: tf.Tensor | null,
  groups: number,
): { y: tf.Tensor; mean: tf.Tensor; variance: tf.Tensor } {
  if (groups === 1) return graph(x, gamma, beta, alpha, residual);
  const xs = tf.split(x, groups, 0);
  const rs = residual === null ? null : tf.split(residual, groups, 0);
  const parts = xs.map((xi, g) => graph(xi, gamma, beta, alpha, rs === null ? null : (rs[g] as tf.Tensor)));
  return {
    y: tf.concat(
      parts.map((p) => p.y),
      0,
    ),
    mean: tf.concat(parts.map((p) => p.mean)),
    variance: tf.concat(parts.map((p) => p.variance)),
  };
}

type Variant = { shape: number[]; prelu: boolean; residual: boolean; groups: number };

/** y, the moments and the gradients of Σ y·dy with respect to every input, read back. */
async function run(backend: 'cpu' | 'wasm', v: Variant): Promise<{ fusedPath: boolean; out: Float32Array[] }> {
  await useNodeBackend(backend);
  const c = v.shape[v.shape.length - 1] as number;
  const x = tf.tensor(values(v.shape, 1, 0.3), v.shape);
  const gamma = tf.tensor1d(values([c], 2, 1));
  const beta = tf.tensor1d(values([c], 3));
  const alpha = v.prelu ? tf.tensor1d(values([c], 4).map((a) => 0.25 + 0.1 * a)) : null;
  const residual = v.residual ? tf.tensor(values(v.shape, 5), v.shape) : null;
  const dy = tf.tensor(values(v.shape, 6), v.shape);
  const fusedPath = bnActFused(alpha, residual);
  const f = (...args: tf.Tensor[]) => {
    const [xi, gi, bi, ai, ri] = [args[0], args[1], args[2], v.prelu ? args[3] : null, v.residual ? args[4] : null] as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor | null,
      tf.Tensor | null,
    ];
    return fusedPath ? bnActTrain(xi, gi, bi, ai, ri, BN_EPSILON, v.groups) : graphGroups(xi, gi, bi, ai, ri, v.groups);
  };
  const inputs = [
    x,
    gamma,
    beta,
    ...(alpha ? [alpha] : [residual as tf.Tensor]),
    ...(alpha && residual ? [residual] : []),
  ].filter((t) => t !== null);
  const fwd = f(...inputs);
  const grads = tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(f(...args).y, dy)))(inputs);
  const out = await Promise.all(
    [fwd.y, fwd.mean, fwd.variance, ...grads].map((t) => t.data() as Promise<Float32Array>),
  );
  tf.dispose([
    x,
    gamma,
    beta,
    dy,
    fwd.y,
    fwd.mean,
    fwd.variance,
    ...grads,
    ...(alpha ? [alpha] : []),
    ...(residual ? [residual] : []),
  ]);
  return { fusedPath, out };
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

describe('fused BN (+ residual, PReLU) kernels on wasm', () => {
  afterAll(() => useNodeBackend('cpu'));
  // The demo net's BN layers: stem (BN + PReLU), block conv a (BN + PReLU), projection (BN),
  // block conv b (BN + residual + PReLU), and the embedding's BN over [B, D]; alone and with the
  // two views stacked (groups 2).
  const variants: Variant[] = [
    { shape: [16, 24, 24, 8], prelu: true, residual: false, groups: 1 },
    { shape: [16, 12, 12, 16], prelu: false, residual: false, groups: 1 },
    { shape: [16, 12, 12, 16], prelu: true, residual: true, groups: 1 },
    { shape: [3, 5, 7, 2], prelu: true, residual: true, groups: 1 },
    { shape: [16, 32], prelu: false, residual: false, groups: 1 },
    { shape: [32, 24, 24, 8], prelu: true, residual: false, groups: 2 },
    { shape: [32, 6, 6, 32], prelu: true, residual: true, groups: 2 },
    { shape: [32, 32], prelu: false, residual: false, groups: 2 },
  ];
  for (const v of variants) {
    it(`${v.shape.join('×')}${v.residual ? ' + residual' : ''}${v.prelu ? ' + PReLU' : ''}, ${v.groups} group(s): y, moments and every gradient equal the cpu graph's`, async () => {
      const cpu = await run('cpu', v);
      const wasm = await run('wasm', v);
      expect(cpu.fusedPath).toBe(false);
      expect(wasm.fusedPath).toBe(true);
      expect(wasm.out.map((t) => t.length)).toEqual(cpu.out.map((t) => t.length));
      wasm.out.forEach((t, i) => {
        const ref = cpu.out[i] as Float32Array;
        const scale = ref.reduce((m, r) => Math.max(m, Math.abs(r)), 1);
        expect(maxDiff(t, ref) / scale).toBeLessThan(2e-5);
      });
    });
  }
});

describe('the fused BN kernels’ SIMD loops (bnSimd.ts)', () => {
  afterAll(() => useNodeBackend('cpu'));

  /** Runs `v` on wasm with the kernels of `configs` registered in place of the installed ones. */
  async function withKernels(configs: KernelConfig[], v: Variant): Promise<Float32Array[]> {
    await useNodeBackend('wasm');
    const installed = configs.map((k) => tf.getKernel(k.kernelName, 'wasm') as KernelConfig);
    const swap = (to: KernelConfig[]) => {
      for (const k of to) {
        tf.unregisterKernel(k.kernelName, 'wasm');
        tf.registerKernel(k);
      }
    };
    swap(configs);
    try {
      return (await run('wasm', v)).out;
    } finally {
      swap(installed);
    }
  }

  it('run on the Node wasm backend', async () => {
    await useNodeBackend('wasm');
    expect(bnLoops(tf.backend() as BackendWasm)).not.toBeNull();
  });

  const variants: Variant[] = [
    { shape: [32, 24, 24, 8], prelu: true, residual: false, groups: 2 },
    { shape: [32, 12, 12, 16], prelu: false, residual: false, groups: 2 },
    { shape: [32, 6, 6, 32], prelu: true, residual: true, groups: 2 },
    { shape: [16, 12, 12, 16], prelu: true, residual: true, groups: 1 },
    { shape: [3, 5, 7, 2], prelu: true, residual: true, groups: 1 },
    { shape: [32, 32], prelu: false, residual: false, groups: 2 },
  ];
  for (const v of variants) {
    it(`${v.shape.join('×')}${v.residual ? ' + residual' : ''}${v.prelu ? ' + PReLU' : ''}, ${v.groups} group(s): bit for bit the JS loops`, async () => {
      const simd = await withKernels(fusedBnKernelConfigs(true), v);
      const js = await withKernels(fusedBnKernelConfigs(false), v);
      expect(simd.map((t) => t.length)).toEqual(js.map((t) => t.length));
      simd.forEach((t, i) => {
        const ref = js[i] as Float32Array;
        let differing = 0;
        for (let j = 0; j < t.length; j++) if (!Object.is(t[j], ref[j])) differing++;
        expect(differing).toBe(0);
      });
    });
  }
});
