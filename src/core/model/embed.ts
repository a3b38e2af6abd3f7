/**
 * Embeddings of many images with a net in inference mode (BN running statistics), in chunks so
 * peak memory stays bounded, read back once at the end.
 */
import * as tf from '../tf';
import type { ConvImpl } from './conv';
import { forward } from './forward';
import type { Net } from './net';

/** images [N, H, W, C] → L2-normalised embeddings, row-major [N, D]. */
export async function embedImages(net: Net, images: tf.Tensor4D, impl: ConvImpl, chunk = 256): Promise<Float32Array> {
  const n = images.shape[0];
  const parts: tf.Tensor2D[] = [];
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    parts.push(
      tf.tidy(() => {
        const x = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]);
        return forward(net, x, 'inference', impl).embedding;
      }),
    );
  }
  const all = parts.length === 1 ? (parts[0] as tf.Tensor2D) : tf.concat(parts, 0);
  const values = (await all.data()) as Float32Array;
  tf.dispose([...parts, all]);
  return values;
}
