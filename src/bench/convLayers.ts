/**
 * The reference step's three convolutions (reference.ts), each kernel alone on the current
 * backend: forward (Conv2D), filter gradient (Conv2DBackpropFilter) and input gradient
 * (Conv2DBackpropInput), on random inputs of the step's shapes, through tf's engine (so the
 * kernels registered by src/backends/wasmConvGrads.ts run, as in the step). The first layer's
 * input gradient is timed too although the step never needs it (the images are no variable).
 * FLOPs are the convolution's, 2·B·Ho·Wo·k²·Cin·Cout for each of the three (padding taps counted).
 */
import { createRng } from '../core/rng';
import * as tf from '../core/tf';

export interface ConvLayer {
  /** [side in, cin, cout, stride] of a 3×3 'same' convolution on batch 64. */
  side: number;
  cin: number;
  cout: number;
  stride: 1 | 2;
}

export const REFERENCE_BATCH = 64;
export const REFERENCE_CONVS: readonly ConvLayer[] = [
  { side: 32, cin: 3, cout: 16, stride: 1 },
  { side: 32, cin: 16, cout: 32, stride: 2 },
  { side: 16, cin: 32, cout: 64, stride: 2 },
];

export type ConvPass = 'forward' | 'filter gradient' | 'input gradient';
export const CONV_PASSES: readonly ConvPass[] = ['forward', 'filter gradient', 'input gradient'];

export function convLabel(l: ConvLayer): string {
  return `${l.side}²×${l.cin}→${l.cout}${l.stride > 1 ? `/${l.stride}` : ''}`;
}

/** FLOPs of one pass of `l` on the reference batch (every pass has the forward's count). */
export function convFlops(l: ConvLayer): number {
  const out = l.side / l.stride;
  return 2 * REFERENCE_BATCH * out * out * 9 * l.cin * l.cout;
}

export interface TimedKernel {
  label: string;
  flops: number;
  /** One call of the kernel, its output read back and disposed. */
  run(): Promise<void>;
}

export interface ConvKernels {
  kernels: TimedKernel[];
  dispose(): void;
}

function random(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()),
    shape,
  );
}

async function readAndDispose(t: tf.Tensor): Promise<void> {
  await t.data();
  t.dispose();
}

/** Every pass of every reference convolution, as separately timed kernels, in layer order. */
export function referenceConvKernels(): ConvKernels {
  const held: tf.Tensor[] = [];
  const kernels: TimedKernel[] = [];
  REFERENCE_CONVS.forEach((l, i) => {
    const out = l.side / l.stride;
    const xShape: [number, number, number, number] = [REFERENCE_BATCH, l.side, l.side, l.cin];
    const wShape: [number, number, number, number] = [3, 3, l.cin, l.cout];
    const x = random(xShape, 10 * i + 1) as tf.Tensor4D;
    const w = random(wShape, 10 * i + 2) as tf.Tensor4D;
    const dy = random([REFERENCE_BATCH, out, out, l.cout], 10 * i + 3) as tf.Tensor4D;
    held.push(x, w, dy);
    const label = convLabel(l);
    // What tfjs-core's Conv2D gradient passes its two kernels for this layer.
    const attrs = {
      strides: [l.stride, l.stride],
      pad: 'same',
      dataFormat: 'NHWC',
      dimRoundingMode: undefined,
    } as unknown as tf.NamedAttrMap;
    const flops = convFlops(l);
    kernels.push(
      { label: `${label} forward`, flops, run: () => readAndDispose(tf.conv2d(x, w, l.stride, 'same')) },
      {
        label: `${label} filter gradient`,
        flops,
        run: () =>
          readAndDispose(
            tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { ...attrs, filterShape: wShape }) as tf.Tensor,
          ),
      },
      {
        label: `${label} input gradient`,
        flops,
        run: () =>
          readAndDispose(
            tf
              .engine()
              .runKernel(tf.Conv2DBackpropInput, { dy, filter: w }, { ...attrs, inputShape: xShape }) as tf.Tensor,
          ),
      },
    );
  });
  return { kernels, dispose: () => tf.dispose(held) };
}
