/**
 * Santurkar et al. 2018 probes along the gradient (docs/method.md §6). With g = ∇L(w) and step sizes
 * η in H, from one frozen objective:
 *   loss variation          L(w − ηg)                                   (band over η)
 *   gradient predictiveness ‖∇L(w) − ∇L(w − ηg)‖₂                       (band over η)
 *   effective β-smoothness  max_η ‖∇L(w) − ∇L(w − ηg)‖₂ / ‖ηg‖₂
 *   Lipschitz estimate      max_η |L(w − ηg) − L(w)| / ‖ηg‖₂
 * Costs 1 + |H| forward and backward passes; the weights are restored exactly afterwards. All
 * values are read back with one async read.
 */
import * as tf from '../tf';
import { globalNorm } from './globalNorm';
import type { ProbeObjective } from './objective';
import { withRestoredWeights } from './objective';
import { cancellationPoint } from '../abort';

export interface SmoothnessResult {
  etas: number[];
  /** L(w) */
  loss: number;
  /** L(w − ηg) per η. */
  losses: number[];
  /** ‖∇L(w) − ∇L(w − ηg)‖ per η. */
  gradPred: number[];
  gradNorm: number;
  beta: number;
  lipschitz: number;
}

/** A geometric grid of `points` step sizes from lo to hi (e.g. 0.5·lr to 4·lr). */
export function geometricGrid(lo: number, hi: number, points: number): number[] {
  if (points === 1) return [lo];
  return Array.from({ length: points }, (_, i) => lo * (hi / lo) ** (i / (points - 1)));
}

function gradients(obj: ProbeObjective): { value: tf.Scalar; grads: tf.Tensor[] } {
  const { value, grads } = tf.variableGrads(() => obj.loss(), obj.weights as tf.Variable[]);
  return { value, grads: obj.weights.map((w) => grads[w.name] as tf.Tensor) };
}

/** Weights are restored exactly afterwards, also when cancelled between two step sizes. */
export async function smoothnessProbe(
  obj: ProbeObjective,
  etas: readonly number[],
  signal?: AbortSignal,
): Promise<SmoothnessResult> {
  const saved = obj.weights.map((w) => tf.clone(w));
  const base = gradients(obj);
  const rows: tf.Scalar[] = [];
  try {
    await withRestoredWeights(obj.weights, saved, async () => {
      for (const eta of etas) {
        await cancellationPoint(signal);
        tf.tidy(() =>
          obj.weights.forEach((w, i) =>
            w.assign(tf.sub(saved[i] as tf.Tensor, tf.mul(base.grads[i] as tf.Tensor, eta))),
          ),
        );
        const moved = gradients(obj);
        rows.push(
          moved.value,
          tf.tidy(() => globalNorm(base.grads, moved.grads)),
        );
        tf.dispose(moved.grads);
      }
    });
    const gradNorm = tf.tidy(() => globalNorm(base.grads));
    const packed = tf.tidy(() => tf.stack([base.value, gradNorm, ...rows]));
    const v = Array.from(await packed.data());
    tf.dispose([packed, gradNorm]);
    return summarize(etas, v);
  } finally {
    tf.dispose([...saved, base.value, ...base.grads, ...rows]);
  }
}

function summarize(etas: readonly number[], v: number[]): SmoothnessResult {
  const [loss, gradNorm] = v as [number, number];
  const losses = etas.map((_, k) => v[2 + 2 * k] as number);
  const gradPred = etas.map((_, k) => v[3 + 2 * k] as number);
  const step = (k: number) => (etas[k] as number) * gradNorm;
  const ratio = (xs: number[]) => Math.max(...xs.map((x, k) => (step(k) > 0 ? x / step(k) : 0)));
  return {
    etas: [...etas],
    loss,
    losses,
    gradPred,
    gradNorm,
    beta: ratio(gradPred),
    lipschitz: ratio(losses.map((l) => Math.abs(l - loss))),
  };
}
