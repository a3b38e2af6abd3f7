import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIZE, randomProbe as randomState } from '../../test/probeFixture';
import { useCpu } from '../../test/tfCpu';
import { architectureFor, paramSpecsFor } from '../model/architecture';
import { forward } from '../model/forward';
import { Net } from '../model/net';
import { createRng } from '../rng';
import * as tf from '../tf';
import type { NetState } from '../train/checkpoint';
import { WEIGHTS_FILE, probeArtifacts } from './tfjsProbe';
import type { ProbeExportInput } from './tfjsProbe';

beforeAll(useCpu);

function images(channels: 1 | 3, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  return tf.tensor4d(
    Float32Array.from({ length: 3 * SIZE * SIZE * channels }, () => rng.next()),
    [3, SIZE, SIZE, channels],
  );
}

/** A load handler that reads model.json and its weights file as a browser's http loader would. */
function fromFiles(modelJson: string, weights: ArrayBuffer): tf.io.IOHandler {
  return {
    load: () =>
      tf.io.getModelArtifactsForJSON(JSON.parse(modelJson) as tf.io.ModelJSON, (manifest) => {
        expect(manifest[0]?.paths).toEqual([WEIGHTS_FILE]);
        return Promise.resolve([tf.io.getWeightSpecs(manifest), weights]);
      }),
  };
}

function netOf(input: ProbeExportInput): Net {
  const net = Net.fromValues(input.arch, paramSpecsFor(input.arch, input.channels), input.state.weights, false);
  net.load(input.state, 'test probe');
  return net;
}

describe('probeArtifacts', () => {
  for (const backbone of ['tiny', 'small'] as const) {
    for (const channels of [1, 3] as const) {
      it(`loads back with tf.loadGraphModel and gives forward's embeddings (${backbone}, ${channels} channel${channels > 1 ? 's' : ''})`, async () => {
        const input = randomState(backbone, channels, 11 + channels);
        const net = netOf(input);
        const x = images(channels, 5);
        const expected = tf.tidy(() => forward(net, x, 'inference', 'im2col').embedding);
        const native = tf.tidy(() => forward(net, x, 'inference', 'native').embedding);
        const before = tf.memory().numTensors;

        const { modelJson, weights } = probeArtifacts(input);
        const model = await loadGraphModel(fromFiles(JSON.stringify(modelJson), weights));
        expect(model.inputs.map((i) => [i.name, i.shape])).toEqual([['images', [-1, SIZE, SIZE, channels]]]);
        expect(model.outputs.map((o) => o.name)).toEqual(['embedding']);
        const got = model.predict(x) as tf.Tensor2D;
        expect(got.shape).toEqual([3, 8]);
        const [g, e, n] = [got.dataSync(), expected.dataSync(), native.dataSync()];
        const maxDiff = (a: Float32Array | Int32Array | Uint8Array, b: Float32Array | Int32Array | Uint8Array) =>
          Math.max(...Array.from(a, (v, i) => Math.abs(v - (b[i] as number))));
        expect(maxDiff(g, e)).toBeLessThan(1e-5);
        expect(maxDiff(g, n)).toBeLessThan(1e-5);
        // The embeddings are not trivially equal (e.g. all one direction): rows differ.
        expect(maxDiff(g.slice(0, 8), g.slice(8, 16))).toBeGreaterThan(1e-2);
        got.dispose();
        model.dispose();
        expect(tf.memory().numTensors).toBe(before);
        tf.dispose([expected, native, x]);
        net.dispose();
      });
    }
  }

  it('names the metadata: input size, channels, range and output', () => {
    const { modelJson } = probeArtifacts(randomState('tiny', 3, 1));
    const meta = (modelJson.userDefinedMetadata as { probe: { input: string; output: string } }).probe;
    expect(meta.input).toContain(`[batch, ${SIZE}, ${SIZE}, 3] (RGB), pixel values in [0, 1]`);
    expect(meta.output).toContain('[batch, 8], each row L2-normalised');
  });

  const withState = (edit: (s: NetState) => NetState): ProbeExportInput => {
    const input = randomState('tiny', 1, 2);
    return { ...input, state: edit(input.state) };
  };

  it('refuses a missing weight, naming it', () => {
    expect(() => probeArtifacts(withState((s) => ({ ...s, weights: s.weights.slice(0, -1) })))).toThrow(
      /missing: embed\.bn\.beta/,
    );
  });

  it('refuses a weight of the wrong size, naming it and the shape', () => {
    const specs = paramSpecsFor(architectureFor('tiny', 8), 1);
    const at = specs.findIndex((s) => s.name === 's0b0.a.conv');
    expect(() =>
      probeArtifacts(withState((s) => ({ ...s, weights: s.weights.map((w, i) => (i === at ? w.slice(1) : w)) }))),
    ).toThrow(/s0b0\.a\.conv has 1151 values, expected 1152 \(shape \[3,3,8,16\]\)/);
  });

  it('refuses non-finite weights and missing or negative BN statistics, naming them', () => {
    expect(() =>
      probeArtifacts(
        withState((s) => ({
          ...s,
          weights: s.weights.map((w, i) => (i === s.weights.length - 3 ? w.map(() => NaN) : w)),
        })),
      ),
    ).toThrow(/embed\.dense\[0\] is NaN/);
    expect(() => probeArtifacts(withState((s) => ({ ...s, bn: s.bn.slice(0, -1) })))).toThrow(/BN statistic arrays/);
    expect(() =>
      probeArtifacts(withState((s) => ({ ...s, bn: s.bn.map((b, i) => (i === 1 ? b.map(() => -1) : b)) }))),
    ).toThrow(/stem\.bn running variance \[0\] is -1/);
  });
});
