/**
 * 2-D convolution ('same' padding as TF defines it, stride 1 or 2) in two interchangeable forms:
 * - `native`: tf.conv2d, on webgl/webgpu (shader kernels) and wasm (XNNPACK forward; the missing
 *   filter gradient is registered by src/backends/wasmConvGrads.ts);
 * - `im2col`: patches gathered by k² shifted slices and one matMul, for the cpu backend, whose
 *   native backward kernels are naive loops: ~3.5× faster there (measured: 8.5 s vs 2.4 s for a
 *   64×32×32×3 → 16 layer's forward + backward). Its gradient needs only pad/slice/concat/
 *   reshape/matMul, so it also trains on any backend that lacks conv gradients.
 * Both give the same values within float tolerance (conv.test.ts).
 */
import * as tf from '../tf';

export type ConvImpl = 'native' | 'im2col';

/** The implementation a backend should use. */
export function convImplFor(backend: string): ConvImpl {
  return backend === 'cpu' ? 'im2col' : 'native';
}

/**
 * x: [B, H, W, Cin]; w: [k, k, Cin, Cout] with odd k; 'same' padding.
 * Returns [B, H/stride, W/stride, Cout]; with stride 2, H and W must be even.
 */
export function conv2dSame(x: tf.Tensor4D, w: tf.Tensor4D, stride: 1 | 2, impl: ConvImpl): tf.Tensor4D {
  if (impl === 'native') return tf.conv2d(x, w, stride, 'same');
  return conv2dIm2col(x, w, stride);
}

function conv2dIm2col(x: tf.Tensor4D, w: tf.Tensor4D, stride: 1 | 2): tf.Tensor4D {
  const [b, h, wd, cin] = x.shape;
  const [k, , , cout] = w.shape;
  const ho = h / stride;
  const wo = wd / stride;
  if (!Number.isInteger(ho) || !Number.isInteger(wo)) {
    throw new Error(`conv2dSame: input ${h}×${wd} is not divisible by stride ${stride}`);
  }
  // Symmetric padding centres the stride-1 outputs on every pixel. TF's 'same' with stride 2 on
  // an even side pads 0 before and 1 after for k = 3 (centres on odd pixels) and nothing for
  // k = 1 (centres on even pixels); subsample2's offset picks the same centres.
  const pad = (k - 1) / 2;
  const xp =
    pad > 0
      ? tf.pad(x, [
          [0, 0],
          [pad, pad],
          [pad, pad],
          [0, 0],
        ])
      : x;
  const cols: tf.Tensor4D[] = [];
  for (let dy = 0; dy < k; dy++) {
    for (let dx = 0; dx < k; dx++) {
      const shifted = tf.slice(xp, [0, dy, dx, 0], [b, h, wd, cin]);
      cols.push(stride === 1 ? shifted : subsample2(shifted, k > 1 ? 1 : 0));
    }
  }
  const patches = cols.length === 1 ? (cols[0] as tf.Tensor4D) : tf.concat(cols, 3);
  // [B·Ho·Wo, k·k·Cin] · [k·k·Cin, Cout]; patch order (dy, dx, cin) matches w's layout.
  const flat = tf.reshape(patches, [b * ho * wo, k * k * cin]);
  const out = tf.matMul(flat, tf.reshape(w, [k * k * cin, cout]));
  return tf.reshape(out, [b, ho, wo, cout]);
}

/**
 * Every second row and column starting at `offset` (0 or 1), [B, H, W, C] → [B, H/2, W/2, C],
 * from reshape + slice so the gradient needs no StridedSlice gradient (tfjs registers none).
 */
export function subsample2(x: tf.Tensor4D, offset: 0 | 1 = 0): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const grid = tf.reshape(x, [b * (h / 2), 2, w / 2, 2 * c]);
  // Row `offset` of each row pair, then the channels of column `offset` of each column pair.
  const rows = tf.slice(grid, [0, offset, 0, offset * c], [b * (h / 2), 1, w / 2, c]);
  return tf.reshape(rows, [b, h / 2, w / 2, c]);
}
