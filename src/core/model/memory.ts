/**
 * Rough memory of the backbone's activations, to size work before it runs out of memory (the wasm
 * backend's heap stops at 4 GiB and aborts with a bare "Aborted()").
 *
 * Per image it counts the tensors a forward pass leaves alive until its tf.tidy ends: the input,
 * the stem's conv, BN and PReLU outputs at full resolution, and per residual block ~6 tensors at
 * its output resolution (two conv+BN, a PReLU, the sum), ~8 with a projection shortcut; float32.
 * The convolutions' scratch buffers come on top, so it is a lower bound.
 */
import type { BackboneSize } from '../config';
import { architectureFor, blocksOf } from './architecture';

/** Activations of one image's forward pass, bytes (float32). */
export function forwardBytesPerImage(imageSize: number, channels: number, backbone: BackboneSize): number {
  const arch = architectureFor(backbone, 1);
  let side = imageSize;
  let floats = imageSize * imageSize * (channels + 3 * arch.stemChannels);
  for (const b of blocksOf(arch)) {
    side = Math.ceil(side / b.stride);
    floats += side * side * b.cout * (b.projection ? 8 : 6);
  }
  return floats * 4;
}

/** One training step's activations and their gradients, bytes (a lower bound of its peak). */
export function stepBytes(imageSize: number, channels: number, backbone: BackboneSize, batchSize: number): number {
  return 2 * forwardBytesPerImage(imageSize, channels, backbone) * batchSize;
}

/** Most images embedded in one chunk; small images all go at once, as before this bound. */
export const MAX_EMBED_CHUNK = 256;
/** Activations one embedding chunk may hold: a quarter of the wasm heap, room for scratch and the rest. */
const EMBED_CHUNK_BYTES = 1 << 30;

/**
 * Images per chunk when embedding the test set: 256 for small images (up to ~45 px on the base
 * backbone), fewer above (133 at 64 px, 33 at 128 px, base, RGB), so an evaluation never needs
 * more than ~1 GB of activations.
 * Embeddings are per image, so the chunk changes no number.
 */
export function embedChunk(imageSize: number, channels: number, backbone: BackboneSize): number {
  return Math.max(
    1,
    Math.min(MAX_EMBED_CHUNK, Math.floor(EMBED_CHUNK_BYTES / forwardBytesPerImage(imageSize, channels, backbone))),
  );
}
