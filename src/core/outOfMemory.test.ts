import { describe, expect, it } from 'vitest';
import { embedChunk, stepBytes } from './model/memory';
import { isOutOfMemory, outOfMemoryMessage } from './outOfMemory';

const config = (imageSize: number, backbone: 'tiny' | 'small' | 'base', batchSize: number) => ({
  batchSize,
  data: { imageSize, channels: 3 as const },
  model: { backbone },
});
const ABORT = 'Aborted(). Build with -sASSERTIONS for more info.';

describe('an out-of-memory failure', () => {
  it("recognises the wasm backend's bare abort and allocation failures, nothing else", () => {
    expect(isOutOfMemory(ABORT)).toBe(true);
    expect(isOutOfMemory('RangeError: Array buffer allocation failed')).toBe(true);
    expect(isOutOfMemory('Cannot enlarge memory arrays to size 4294967296 bytes')).toBe(true);
    expect(isOutOfMemory('loss NaN')).toBe(false);
    expect(outOfMemoryMessage('kernel exploded', config(128, 'base', 64))).toBeNull();
  });

  it('says 128 px on the base backbone at batch 64 is out of memory, with the estimate and what to lower', () => {
    const need = stepBytes(128, 3, 'base', 64);
    expect(need / 1e9).toBeCloseTo(4.12, 2);
    expect(outOfMemoryMessage(ABORT, config(128, 'base', 64))).toBe(
      `out of memory (${ABORT}): one training step of 128 px × 3 images on the base backbone at batch 64 needs at least ~4.1 GB of activations, and the wasm backend's memory stops at 4.3 GB. ` +
        'Lower batchSize to 4 or less at 128 px (--set batchSize=…); or data.imageSize to 32 or less at batch 64 (--set data.imageSize=…); or model.backbone to a smaller one.',
    );
    // The batch and size it names fit 1/16 of the heap by its own estimate (batch 4 at 128 px was measured to train).
    expect(stepBytes(128, 3, 'base', 4)).toBeLessThan(4294901760 / 16);
    expect(stepBytes(32, 3, 'base', 64)).toBeLessThan(4294901760 / 16);
    expect(outOfMemoryMessage(ABORT, config(128, 'base', 16))).toContain('Lower batchSize to 4 or less at 128 px');
  });

  it("names the form's fields on the page, where there is no --set", () => {
    const message = `Training at step 0 failed: ${ABORT}`;
    expect(outOfMemoryMessage(message, config(128, 'base', 64), 'page')).toBe(
      `out of memory (${message}): one training step of 128 px × 3 images on the base backbone at batch 64 needs at least ~4.1 GB of activations, and the wasm backend's memory stops at 4.3 GB. ` +
        'Lower Batch (IDs) to 4 or less at 128 px; or Image size (px) to 32 or less at batch 64; or Backbone to a smaller one.',
    );
  });
});

describe("the evaluation's chunk", () => {
  it('embeds small images all at once and 128 px on the base backbone a few dozen at a time', () => {
    expect(embedChunk(16, 1, 'tiny')).toBe(256);
    expect(embedChunk(32, 3, 'small')).toBe(256);
    expect(embedChunk(64, 3, 'base')).toBe(133);
    expect(embedChunk(128, 3, 'base')).toBe(33);
    expect(embedChunk(4096, 3, 'base')).toBe(1);
  });
});
