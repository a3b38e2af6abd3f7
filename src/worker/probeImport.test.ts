/**
 * "Import probe" in its worker: a trained run's probe, saved as "Download probe" saves it and
 * picked back, is evaluated on the held-out pairs exactly as the comparison evaluates that run (the
 * same report, the same Embeddings view points to 1e-5), freeing every tensor; a probe of other
 * channels and embedding size is refused naming each field, the probe's value and the comparison's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddingView } from '../core/analysis/embeddingView';
import { serializeDataset } from '../core/data/cache';
import type { PickLike } from '../core/export/probeFileSet';
import { probeZip } from '../core/export/probeZip';
import { architectureFor } from '../core/model/architecture';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';
import { evaluateRun } from '../core/train/evaluateRuns';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import { AnalysisStream } from './analysisStream';
import type { Group } from './engine';
import { evaluateImportedProbe } from './probeImport';
import { readProbe } from './probeWeights';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
  ],
});

function zipFile(zip: { filename: string; chunks: Uint8Array[]; bytes: number }): PickLike {
  const bytes = new Uint8Array(zip.bytes);
  let at = 0;
  for (const c of zip.chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { name: zip.filename, size: bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

describe('evaluateImportedProbe', () => {
  it('gives a downloaded probe the report and the embedding view the comparison gives its run', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    const group: Group = {
      seed: config.seed,
      units: [0, 1],
      labels: ['Conventional · seed 1', 'SST · seed 1'],
      cmp,
      analysis: new AnalysisStream(
        cmp,
        [0, 1],
        1,
        () => undefined,
        () => true,
      ),
    };
    for (let i = 0; i < 3; i++) tf.dispose(cmp.stepAll());
    const { result } = await readProbe([group], 1);
    if (!result.ok) throw new Error(result.message);
    const arch = architectureFor(config.model.backbone, config.model.embedDim);
    const zip = zipFile(
      probeZip(
        { arch, imageSize: 8, channels: 1, state: result.probe.state, description: 'SST · seed 1, step 3' },
        'masst-test',
        'SST',
        1,
      ),
    );
    const expected = await evaluateRun(cmp, 1);
    const embeddings = await cmp.embedTest(1);
    const faces = [{ seed: config.seed, bytes: serializeDataset(dataset) }];

    const before = tf.memory().numTensors;
    const probe = await evaluateImportedProbe({ files: [zip], config, faces });
    expect(tf.memory().numTensors).toBe(before);
    expect(probe.title).toBe('SST · seed 1, step 3');
    expect(probe.source).toBe('imported probe');
    expect(probe.seeds.map((s) => s.seed)).toEqual([config.seed]);
    const got = probe.seeds[0];
    if (got === undefined) throw new Error('no seed evaluated');
    expect(got.report.pairs).toBe(expected.pairs);
    expect(got.report.accuracy).toBe(expected.accuracy);
    expect(got.report.auc).toBeCloseTo(expected.auc, 5);
    expect(got.report.rank1).toBe(expected.rank1);
    const view = embeddingView(embeddings, config.model.embedDim, dataset.test, 0);
    expect(got.view.ids).toEqual(view.ids);
    expect(Math.max(...Array.from(got.view.coords, (v, i) => Math.abs(v - (view.coords[i] as number))))).toBeLessThan(
      1e-5,
    );

    const other = tinyConfig({ runs: config.runs, model: { backbone: 'tiny', embedDim: 16 } });
    const misfit = evaluateImportedProbe({
      files: [zip],
      config: { ...other, data: { ...other.data, channels: 3 } },
      faces,
    });
    await expect(misfit).rejects.toThrow(
      'Import probe: SST · seed 1, step 3 does not fit this comparison: channels (data.channels): the probe takes 1, the comparison needs 3 (RGB); embedding size (model.embedDim): the probe gives 8, the comparison needs 16. Nothing was imported',
    );
    expect(tf.memory().numTensors).toBe(before);
    cmp.dispose();
  });
});
