import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../test/tfCpu';
import { createRng } from '../rng';
import * as tf from '../tf';
import { architectureFor, paramSpecsFor } from './architecture';
import { embedImages } from './embed';
import { initialWeights } from './init';
import { Net } from './net';

beforeAll(useCpu);

describe('embedImages', () => {
  it('gives the same embeddings in any chunk size (the evaluation chunks large images, model/memory.ts)', async () => {
    const arch = architectureFor('tiny', 8);
    const specs = paramSpecsFor(arch, 1);
    const net = Net.fromValues(arch, specs, initialWeights(specs, createRng(3)), false);
    const rng = createRng(4);
    const images = tf.tensor4d(
      Float32Array.from({ length: 7 * 8 * 8 }, () => rng.next()),
      [7, 8, 8, 1],
    );
    const before = tf.memory().numTensors;
    const whole = await embedImages(net, images, 'native');
    const chunked = await embedImages(net, images, 'native', 3);
    expect(chunked).toEqual(whole);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    net.dispose();
  });
});
