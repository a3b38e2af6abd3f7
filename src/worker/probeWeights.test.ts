/**
 * A trained unit's probe read by the worker and exported by the page's code: the graph model gives
 * the embeddings the comparison evaluates, the read frees every tensor it made, and the transferred
 * buffers are copies (detaching them leaves training intact).
 */
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import { architectureFor } from '../core/model/architecture';
import { probeArtifacts } from '../core/export/tfjsProbe';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { AnalysisStream } from './analysisStream';
import type { Group } from './engine';
import { readProbe } from './probeWeights';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  steps: 6,
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
  ],
});

describe('readProbe', () => {
  it('reads a trained probe whose exported graph model embeds as the comparison does', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    const group: Group = {
      seed: config.seed,
      units: [4, 5],
      labels: ['Conventional · seed 1', 'SST · seed 1'],
      cmp,
      analysis: new AnalysisStream(
        cmp,
        [4, 5],
        1,
        () => undefined,
        () => true,
      ),
    };
    for (let i = 0; i < 3; i++) tf.dispose(cmp.stepAll());
    const before = tf.memory().numTensors;
    const { result, transfer } = await readProbe([group], 5);
    expect(tf.memory().numTensors).toBe(before);
    if (!result.ok) throw new Error(result.message);
    expect(result.probe.step).toBe(3);
    const arch = architectureFor(config.model.backbone, config.model.embedDim);
    const { modelJson, weights } = probeArtifacts({
      arch,
      imageSize: 8,
      channels: 1,
      state: result.probe.state,
      description: 'SST · seed 1',
    });
    // Detaching the transferred buffers (as postMessage does) must not touch the probe's own arrays.
    structuredClone(transfer, { transfer });
    expect(result.probe.state.weights[0]?.length).toBe(0);
    const expected = await cmp.embedTest(1);

    const model = await loadGraphModel(
      tf.io.fromMemory({
        ...modelJson,
        weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
        weightData: weights,
      }),
    );
    const test = dataset.test;
    const got = tf.tidy(() => (model.predict(tf.tensor4d(test.pixels, [test.count, 8, 8, 1])) as tf.Tensor).dataSync());
    expect(got.length).toBe(expected.length);
    expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - (expected[i] as number))))).toBeLessThan(1e-5);
    model.dispose();
    cmp.dispose();
  });

  it('says when the unit is not in this worker', async () => {
    const { result } = await readProbe([], 7);
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^run 7 is not built in this worker/) as unknown as string,
    });
  });
});
