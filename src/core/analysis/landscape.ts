/**
 * Li et al. 2018 loss-landscape slices (docs/method.md §6): L(θ + a·d) and L(θ + a·d + b·e) with
 * Gaussian directions, filter-normalised so each output filter of d has the norm of that filter of
 * θ (d_f ← d_f·‖θ_f‖/(‖d_f‖ + 1e-10)); BN parameters and PReLU slopes get 0 in the direction.
 * The raw Gaussians come from one seed, so every compared run is sliced along the same draw.
 */
import type { ParamSpec } from '../model/architecture';
import type { Rng } from '../rng';
import * as tf from '../tf';
import type { ProbeObjective } from './objective';
import { cancellationPoint } from '../abort';
import { withRestoredWeights } from './objective';

/**
 * One direction, a Float32Array per parameter (spec order). `weights` are the current values.
 * conv [kh, kw, cin, cout] and dense [in, out] have their output filter on the last axis.
 */
export function filterNormalizedDirection(
  specs: readonly ParamSpec[],
  weights: readonly Float32Array[],
  rng: Rng,
): Float32Array[] {
  return specs.map((spec, p) => {
    const theta = weights[p] as Float32Array;
    const d = new Float32Array(theta.length);
    if (spec.kind !== 'conv' && spec.kind !== 'dense') return d;
    for (let i = 0; i < d.length; i++) d[i] = rng.normal();
    const filters = spec.shape[spec.shape.length - 1] as number;
    const tn = new Float64Array(filters);
    const dn = new Float64Array(filters);
    for (let i = 0; i < d.length; i++) {
      tn[i % filters] = (tn[i % filters] as number) + (theta[i] as number) ** 2;
      dn[i % filters] = (dn[i % filters] as number) + (d[i] as number) ** 2;
    }
    for (let i = 0; i < d.length; i++) {
      const f = i % filters;
      d[i] = (d[i] as number) * (Math.sqrt(tn[f] as number) / (Math.sqrt(dn[f] as number) + 1e-10));
    }
    return d;
  });
}

/** n evenly spaced values over [−1, 1] (21 interactive, 51 for the paper's figures). */
export function landscapeGrid(points: number): number[] {
  return Array.from({ length: points }, (_, i) => (points === 1 ? 0 : -1 + (2 * i) / (points - 1)));
}

function toTensors(specs: readonly ParamSpec[], dir: readonly Float32Array[]): tf.Tensor[] {
  return specs.map((s, i) => tf.tensor(dir[i] as Float32Array, s.shape));
}

/** L(θ + a·d + b·e) for b in `betas` at one a: a row of the 2-D grid ([b] for a 1-D slice). */
async function row(
  obj: ProbeObjective,
  saved: readonly tf.Tensor[],
  d: readonly tf.Tensor[],
  e: readonly tf.Tensor[] | null,
  a: number,
  betas: readonly number[],
): Promise<number[]> {
  const losses: tf.Scalar[] = [];
  for (const b of betas) {
    losses.push(
      tf.tidy(() => {
        obj.weights.forEach((w, i) => {
          let v = tf.add(saved[i] as tf.Tensor, tf.mul(d[i] as tf.Tensor, a));
          if (e) v = tf.add(v, tf.mul(e[i] as tf.Tensor, b));
          w.assign(v);
        });
        return obj.loss();
      }),
    );
  }
  const packed = tf.stack(losses);
  const values = Array.from(await packed.data());
  tf.dispose([packed, ...losses]);
  return values;
}

/** 1-D slice: loss per alpha. Weights are restored exactly afterwards, also when cancelled. */
export async function slice1d(
  obj: ProbeObjective,
  specs: readonly ParamSpec[],
  d: readonly Float32Array[],
  alphas: readonly number[],
  signal?: AbortSignal,
): Promise<number[]> {
  const saved = obj.weights.map((w) => tf.clone(w));
  const dt = toTensors(specs, d);
  try {
    return await withRestoredWeights(obj.weights, saved, async () => {
      const out: number[] = [];
      for (const a of alphas) {
        await cancellationPoint(signal);
        out.push(...(await row(obj, saved, dt, null, a, [0])));
      }
      return out;
    });
  } finally {
    tf.dispose([...saved, ...dt]);
  }
}

/**
 * 2-D slice, streamed row by row through onRow (row i is alpha i over every beta), so a view can
 * draw it while it is computed. Returns the full grid [alphas][betas].
 */
export async function slice2d(
  obj: ProbeObjective,
  specs: readonly ParamSpec[],
  d: readonly Float32Array[],
  e: readonly Float32Array[],
  alphas: readonly number[],
  betas: readonly number[],
  onRow?: (index: number, losses: number[]) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<number[][]> {
  const saved = obj.weights.map((w) => tf.clone(w));
  const dt = toTensors(specs, d);
  const et = toTensors(specs, e);
  try {
    return await withRestoredWeights(obj.weights, saved, async () => {
      const grid: number[][] = [];
      for (let i = 0; i < alphas.length; i++) {
        await cancellationPoint(signal);
        const r = await row(obj, saved, dt, et, alphas[i] as number, betas);
        grid.push(r);
        await onRow?.(i, r);
      }
      return grid;
    });
  } finally {
    tf.dispose([...saved, ...dt, ...et]);
  }
}
