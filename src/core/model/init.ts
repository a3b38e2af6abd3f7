/**
 * Initial weights as plain arrays, drawn from the seeded RNG rather than tf.random*, so every
 * run of a comparison (and every backend) starts from bit-identical weights.
 */
import type { Rng } from '../rng';
import type { ParamSpec } from './architecture';

/** PReLU's initial slope (He et al. 2015). */
export const PRELU_INIT = 0.25;

/** Kaiming-normal std for a layer followed by PReLU with slope a: sqrt(2 / ((1 + a²)·fanIn)). */
export function kaimingStd(fanIn: number, slope = PRELU_INIT): number {
  return Math.sqrt(2 / ((1 + slope * slope) * fanIn));
}

function fanIn(spec: ParamSpec): number {
  // conv [kh, kw, cin, cout] → kh·kw·cin; dense [in, out] → in.
  return spec.shape.slice(0, -1).reduce((a, b) => a * b, 1);
}

/** One Float32Array per spec, in spec order. */
export function initialWeights(specs: ParamSpec[], rng: Rng): Float32Array[] {
  return specs.map((spec) => {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    switch (spec.kind) {
      case 'conv':
      case 'dense': {
        const std = kaimingStd(fanIn(spec));
        for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
        break;
      }
      case 'bnGamma':
        values.fill(1);
        break;
      case 'bnBeta':
        break;
      case 'prelu':
        values.fill(PRELU_INIT);
        break;
    }
    return values;
  });
}
